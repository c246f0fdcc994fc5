-- materialized views populated or not: emptied, populated, created and recreated without data
CREATE TABLE sales (id bigint PRIMARY KEY, region text NOT NULL, amount numeric NOT NULL);

CREATE MATERIALIZED VIEW sales_by_region AS
    SELECT region, sum(amount) AS total FROM sales GROUP BY region
    WITH NO DATA;

CREATE MATERIALIZED VIEW large_sales AS
    SELECT id, amount FROM sales WHERE amount > 1000
    WITH NO DATA;
REFRESH MATERIALIZED VIEW large_sales;

CREATE MATERIALIZED VIEW sales_count AS SELECT count(*) AS n, sum(amount) AS total FROM sales
    WITH NO DATA;

CREATE MATERIALIZED VIEW regions AS SELECT DISTINCT region FROM sales WITH NO DATA;
CREATE UNIQUE INDEX regions_region ON regions (region);
