-- new kinds and a column dropped drop and create; the target and the comment change in
-- place; a name and schema changed in the file are its state
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
