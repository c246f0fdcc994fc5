-- idempotent role set-up, as schema files write it: offline it is reported as not managed
-- and the rest is planned; on the shadow path the blocks simply run
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'app_reader') THEN
        CREATE ROLE app_reader;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_writer') THEN
        CREATE USER app_writer;
    END IF;
END
$$;

DO $$
BEGIN
    CREATE ROLE app_admin NOLOGIN;
EXCEPTION WHEN duplicate_object THEN
    RAISE NOTICE '%, skipping', SQLERRM USING ERRCODE = 'duplicate_object';
END
$$;

CREATE TABLE reports (id bigint PRIMARY KEY, body text);

GRANT SELECT ON reports TO app_reader;
GRANT INSERT, UPDATE ON reports TO app_writer;
GRANT ALL ON reports TO app_admin;
