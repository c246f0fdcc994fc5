CREATE SCHEMA app;
CREATE TABLE app.accounts (id bigint PRIMARY KEY);
CREATE VIEW app.account_ids AS SELECT id FROM app.accounts;
CREATE SEQUENCE app.tickets;
CREATE FUNCTION app.ping() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
