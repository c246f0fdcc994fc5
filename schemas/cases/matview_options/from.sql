CREATE TABLE sales (id integer PRIMARY KEY, region text NOT NULL, amount numeric(10,2) NOT NULL);
CREATE MATERIALIZED VIEW sales_by_region WITH (fillfactor = 70, autovacuum_enabled = false) AS
    SELECT region, sum(amount) AS total FROM sales GROUP BY region;
