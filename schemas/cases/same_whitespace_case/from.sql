CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL, total numeric(10,2) DEFAULT 0 CHECK (total >= 0), note text);
CREATE INDEX orders_customer_idx ON orders (customer_id) WHERE note IS NOT NULL;
