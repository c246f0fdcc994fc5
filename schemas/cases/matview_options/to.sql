-- options change in place: SET the new and changed, RESET the removed
CREATE TABLE sales (id integer PRIMARY KEY, region text NOT NULL, amount numeric(10,2) NOT NULL);
CREATE MATERIALIZED VIEW sales_by_region AS
    SELECT region, sum(amount) AS total FROM sales GROUP BY region;
ALTER MATERIALIZED VIEW sales_by_region SET (fillfactor = 90, toast_tuple_target = 4096);
