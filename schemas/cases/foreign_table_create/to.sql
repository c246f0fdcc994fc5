-- foreign tables created after their server (a new one too) and before the view that reads
-- one; column options, NOT NULL, table options, a comment, a grant and an owner
CREATE EXTENSION postgres_fdw;
CREATE SCHEMA remote;
CREATE SERVER reports FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'r', dbname 'd');
CREATE FOREIGN DATA WRAPPER dummy;
CREATE SERVER archive FOREIGN DATA WRAPPER dummy;
CREATE FOREIGN TABLE remote.orders (
    id bigint NOT NULL,
    "Total" numeric(12, 2) OPTIONS (column_name 'total'),
    placed_at timestamp with time zone
) SERVER reports OPTIONS (schema_name 'public', table_name 'orders');
COMMENT ON FOREIGN TABLE remote.orders IS 'orders kept elsewhere';
GRANT SELECT ON remote.orders TO app_reader;
CREATE FOREIGN TABLE old_rows (id integer, body text) SERVER archive;
ALTER FOREIGN TABLE old_rows OWNER TO app_admin;
CREATE VIEW big_orders AS SELECT id, "Total" FROM remote.orders WHERE "Total" > 100;
