-- new kinds and a column dropped drop and create; the target and the comment change in
-- place; renamed or moved in the file, they are renamed or moved
CREATE SCHEMA planner;
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    region text NOT NULL,
    city text NOT NULL,
    zip text
);
CREATE STATISTICS kinds_changed (dependencies, mcv) ON region, city FROM orders;
CREATE STATISTICS target_set ON region, zip FROM orders;
ALTER STATISTICS target_set SET STATISTICS 1000;
CREATE STATISTICS target_reset ON city, zip FROM orders;
ALTER STATISTICS target_reset SET STATISTICS 300;
ALTER STATISTICS target_reset SET STATISTICS -1;
CREATE STATISTICS described ON region, city, zip FROM orders;
COMMENT ON STATISTICS described IS 'after';
CREATE STATISTICS column_dropped ON zip, city FROM orders;
CREATE STATISTICS first_name ON id, region FROM orders;
ALTER STATISTICS first_name RENAME TO second_name;
ALTER STATISTICS second_name SET SCHEMA planner;
CREATE STATISTICS renamed_old ON id, zip FROM orders;
ALTER STATISTICS renamed_old RENAME TO renamed_new;
ALTER STATISTICS renamed_new SET SCHEMA planner;
ALTER STATISTICS planner.renamed_new SET STATISTICS 20;
COMMENT ON STATISTICS planner.renamed_new IS 'renamed';
CREATE STATISTICS moved ON id, city FROM orders;
ALTER STATISTICS moved SET SCHEMA planner;
-- a materialized view dropped and created takes its statistics with it: they come back
CREATE MATERIALIZED VIEW order_places AS
    SELECT region, city, zip, count(*) AS orders FROM orders GROUP BY region, city, zip;
CREATE STATISTICS order_places_pairs ON region, city FROM order_places;
