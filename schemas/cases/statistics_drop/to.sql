-- statistics dropped on their own, and with their table
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    region text NOT NULL,
    city text NOT NULL
);
CREATE STATISTICS orders_place (ndistinct) ON region, city FROM orders;
DROP STATISTICS orders_place;
DROP STATISTICS IF EXISTS never_created;
