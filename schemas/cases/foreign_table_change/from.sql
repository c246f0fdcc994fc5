CREATE EXTENSION postgres_fdw;
CREATE FOREIGN DATA WRAPPER dummy;
CREATE SERVER reports FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'r', dbname 'd');
CREATE SERVER archive FOREIGN DATA WRAPPER dummy;
CREATE SERVER elsewhere FOREIGN DATA WRAPPER dummy;
CREATE FOREIGN TABLE orders (
    id bigint,
    total numeric OPTIONS (column_name 'total'),
    note text,
    status text NOT NULL
) SERVER reports OPTIONS (table_name 'orders', fetch_size '100');
COMMENT ON FOREIGN TABLE orders IS 'before';
CREATE VIEW order_ids AS SELECT id FROM orders;
CREATE VIEW totals AS SELECT total FROM orders;
CREATE FOREIGN TABLE moved (id integer) SERVER archive;
CREATE VIEW moved_ids AS SELECT id FROM moved;
CREATE FOREIGN TABLE gone (id integer) SERVER archive;
CREATE VIEW gone_ids AS SELECT id FROM gone;
GRANT SELECT ON gone TO app_reader;
