-- default privileges and the objects they cover arrive together: the defaults come first
CREATE SCHEMA app;

ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO app_reader;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO app_reader;

CREATE TABLE app.accounts (id bigint PRIMARY KEY);
CREATE SCHEMA billing;
