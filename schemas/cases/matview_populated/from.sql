-- materialized views populated or not: emptied, populated, created and recreated without data
CREATE TABLE sales (id bigint PRIMARY KEY, region text NOT NULL, amount numeric NOT NULL);

CREATE MATERIALIZED VIEW sales_by_region AS
    SELECT region, sum(amount) AS total FROM sales GROUP BY region;

CREATE MATERIALIZED VIEW large_sales AS
    SELECT id, amount FROM sales WHERE amount > 1000
    WITH NO DATA;

CREATE MATERIALIZED VIEW sales_count AS SELECT count(*) AS n FROM sales;
