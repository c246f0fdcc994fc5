-- a changed query drops and creates the view
CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer REFERENCES customers (id), total numeric(10,2));
CREATE VIEW big_orders AS SELECT id, customer_id, total FROM orders WHERE total > 1000;
