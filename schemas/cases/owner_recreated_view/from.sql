CREATE TABLE orders (id bigint PRIMARY KEY, amount integer);
CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 100;
ALTER VIEW big_orders OWNER TO app_reader;
