CREATE SCHEMA planner;
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    region text NOT NULL,
    city text NOT NULL,
    zip text,
    note text
);
CREATE STATISTICS kinds_changed (ndistinct) ON region, city FROM orders;
CREATE STATISTICS target_set ON region, zip FROM orders;
CREATE STATISTICS target_reset ON city, zip FROM orders;
ALTER STATISTICS target_reset SET STATISTICS 300;
CREATE STATISTICS described ON region, city, zip FROM orders;
COMMENT ON STATISTICS described IS 'before';
CREATE STATISTICS column_dropped ON zip, note FROM orders;
CREATE STATISTICS renamed_old ON id, zip FROM orders;
CREATE STATISTICS moved ON id, city FROM orders;
CREATE MATERIALIZED VIEW order_places AS
    SELECT region, city, count(*) AS orders FROM orders GROUP BY region, city;
CREATE STATISTICS order_places_pairs ON region, city FROM order_places;
