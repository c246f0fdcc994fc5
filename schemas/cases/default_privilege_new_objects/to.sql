-- objects created under default privileges get them from the server: no GRANT in the plan
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO app_reader;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO app_reader;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO app_admin;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO app_writer;

CREATE TABLE events (id serial PRIMARY KEY, kind text);
CREATE VIEW recent_events AS SELECT id FROM events;
CREATE FUNCTION event_count() RETURNS bigint LANGUAGE sql AS $$ SELECT 1::bigint $$;
CREATE TYPE event_kind AS ENUM ('click', 'view');

-- one table opts out of a default
CREATE TABLE private_events (id bigint PRIMARY KEY);
REVOKE SELECT ON private_events FROM app_reader;
