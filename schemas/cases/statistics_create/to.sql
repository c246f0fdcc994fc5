-- statistics on an existing table and on a new one: every kind (the server's default), some
-- kinds written out of order, another schema than the table's, a target, a comment, an owner
CREATE SCHEMA planner;
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    region text NOT NULL,
    city text NOT NULL,
    zip text,
    total numeric(12, 2)
);
CREATE STATISTICS orders_place ON region, city FROM orders;
CREATE STATISTICS IF NOT EXISTS orders_place ON region, zip FROM orders;
CREATE STATISTICS planner.orders_zip (mcv, ndistinct) ON zip, city FROM orders;
ALTER STATISTICS planner.orders_zip SET STATISTICS 500;
COMMENT ON STATISTICS planner.orders_zip IS 'zip codes by city';
CREATE TABLE customers (
    id bigint PRIMARY KEY,
    country text NOT NULL,
    state text
);
CREATE STATISTICS customers_place (dependencies) ON country, state FROM customers;
ALTER STATISTICS customers_place OWNER TO app_admin;
