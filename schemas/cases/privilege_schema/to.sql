-- schema USAGE and CREATE, on a new schema and on public
CREATE SCHEMA app;
CREATE SCHEMA reporting;

GRANT USAGE ON SCHEMA app TO app_reader, app_writer;
GRANT USAGE, CREATE ON SCHEMA app TO app_admin;
GRANT USAGE ON SCHEMA reporting TO app_reader;
GRANT CREATE ON SCHEMA public TO app_admin;
