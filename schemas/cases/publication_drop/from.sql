-- every kind of publication dropped, with its comment and owner restored by the rollback
CREATE SCHEMA sales;
CREATE TABLE sales.orders (id bigint PRIMARY KEY, customer text NOT NULL, total numeric(12,2), status text);
CREATE TABLE sales.customers (id integer PRIMARY KEY, name text, region text);
CREATE TABLE "Audit Log" (id integer PRIMARY KEY, entry text);

CREATE PUBLICATION orders_feed
    FOR TABLE sales.orders (total, id, customer) WHERE (total > 100 AND status IN ('paid', 'shipped')),
        TABLE sales.customers
    WITH (publish = 'insert', publish_via_partition_root = true);
CREATE PUBLICATION audit FOR TABLE "Audit Log"
    WITH (publish = 'insert, update, delete, truncate', publish_via_partition_root = false);
CREATE PUBLICATION everything FOR ALL TABLES WITH (publish = 'insert');
CREATE PUBLICATION "Empty Feed";
COMMENT ON PUBLICATION audit IS 'audit entries for the archive';
ALTER PUBLICATION audit OWNER TO app_admin;
