CREATE TABLE sales (id integer PRIMARY KEY, region text NOT NULL, amount numeric(10,2) NOT NULL);
CREATE MATERIALIZED VIEW sales_by_region AS
    SELECT region, sum(amount) AS total FROM sales GROUP BY region;
CREATE INDEX sales_by_region_total ON sales_by_region (total);
CREATE INDEX sales_by_region_region ON sales_by_region (region);
COMMENT ON MATERIALIZED VIEW sales_by_region IS 'Old comment';
COMMENT ON COLUMN sales_by_region.region IS 'Region code';
