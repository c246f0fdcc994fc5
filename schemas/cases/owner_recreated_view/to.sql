-- the column's new type recreates the view: it is given to its owner again
CREATE TABLE orders (id bigint PRIMARY KEY, amount numeric(12,2));
CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 100;
ALTER VIEW big_orders OWNER TO app_reader;
