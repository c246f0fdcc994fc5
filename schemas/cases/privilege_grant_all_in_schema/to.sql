-- ON ALL … IN SCHEMA reaches every object of the kind that exists at that point
CREATE SCHEMA app;
CREATE TABLE app.accounts (id bigint PRIMARY KEY);
CREATE VIEW app.account_ids AS SELECT id FROM app.accounts;
CREATE SEQUENCE app.tickets;
CREATE FUNCTION app.ping() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;

GRANT SELECT ON ALL TABLES IN SCHEMA app TO app_reader;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA app TO app_writer;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA app FROM PUBLIC;
