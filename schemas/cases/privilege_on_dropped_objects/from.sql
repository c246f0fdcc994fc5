CREATE TABLE sessions (id bigint PRIMARY KEY, token text);
CREATE VIEW active_sessions AS SELECT id FROM sessions;
CREATE FUNCTION session_count() RETURNS bigint LANGUAGE sql AS $$ SELECT 1::bigint $$;
CREATE TYPE session_kind AS ENUM ('web', 'api');

GRANT SELECT, DELETE ON sessions TO app_writer;
GRANT SELECT (token) ON sessions TO app_reader;
GRANT SELECT ON active_sessions TO app_reader;
REVOKE EXECUTE ON FUNCTION session_count() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION session_count() TO app_reader;
GRANT USAGE ON TYPE session_kind TO app_admin;
