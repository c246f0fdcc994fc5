-- a materialized view with storage options, comments and indexes, created after its table
CREATE TABLE sales (id integer PRIMARY KEY, region text NOT NULL, amount numeric(10,2) NOT NULL);
CREATE MATERIALIZED VIEW sales_by_region WITH (fillfactor = 70) AS
    SELECT region, sum(amount) AS total, count(*) AS n FROM sales GROUP BY region;
CREATE UNIQUE INDEX sales_by_region_region ON sales_by_region (region);
CREATE INDEX ON sales_by_region (total DESC);
COMMENT ON MATERIALIZED VIEW sales_by_region IS 'Refreshed nightly';
COMMENT ON COLUMN sales_by_region.total IS 'Sum of amounts';
COMMENT ON INDEX sales_by_region_region IS 'For REFRESH CONCURRENTLY';
