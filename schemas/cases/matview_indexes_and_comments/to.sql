-- indexes added, changed and dropped, comments changed, the view itself kept
CREATE TABLE sales (id integer PRIMARY KEY, region text NOT NULL, amount numeric(10,2) NOT NULL);
CREATE MATERIALIZED VIEW sales_by_region AS
    SELECT region, sum(amount) AS total FROM sales GROUP BY region;
CREATE INDEX sales_by_region_region ON sales_by_region (region, total);
CREATE INDEX sales_by_region_lower ON sales_by_region (lower(region));
COMMENT ON MATERIALIZED VIEW sales_by_region IS 'New comment';
COMMENT ON COLUMN sales_by_region.total IS 'Sum of amounts';
COMMENT ON INDEX sales_by_region_lower IS 'Case-insensitive lookups';
