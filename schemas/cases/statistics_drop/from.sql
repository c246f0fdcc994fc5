CREATE TABLE orders (
    id bigint PRIMARY KEY,
    region text NOT NULL,
    city text NOT NULL
);
CREATE STATISTICS orders_place (ndistinct) ON region, city FROM orders;
ALTER STATISTICS orders_place SET STATISTICS 200;
COMMENT ON STATISTICS orders_place IS 'orders by place';
CREATE TABLE old_orders (
    id bigint PRIMARY KEY,
    region text NOT NULL,
    city text NOT NULL
);
CREATE STATISTICS old_orders_place ON region, city FROM old_orders;
