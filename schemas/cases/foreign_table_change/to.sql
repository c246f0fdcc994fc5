-- columns added, dropped and retyped, NOT NULL set and dropped, column and table options
-- added, set and dropped, the comment changed, in one ALTER FOREIGN TABLE beside a view that
-- reads a column left alone, around a view that reads the retyped one; a foreign table on
-- another server dropped and created around the view that reads it; one dropped after the
-- view that reads it
CREATE EXTENSION postgres_fdw;
CREATE FOREIGN DATA WRAPPER dummy;
CREATE SERVER reports FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'r', dbname 'd');
CREATE SERVER archive FOREIGN DATA WRAPPER dummy;
CREATE SERVER elsewhere FOREIGN DATA WRAPPER dummy;
CREATE FOREIGN TABLE orders (
    id bigint NOT NULL,
    total numeric(12, 2) OPTIONS (column_name 'amount'),
    status text,
    placed_at date
) SERVER reports OPTIONS (table_name 'orders_v2', schema_name 'sales');
COMMENT ON FOREIGN TABLE orders IS 'after';
CREATE VIEW order_ids AS SELECT id FROM orders;
CREATE VIEW totals AS SELECT total FROM orders;
CREATE FOREIGN TABLE moved (id integer) SERVER elsewhere;
CREATE VIEW moved_ids AS SELECT id FROM moved;
