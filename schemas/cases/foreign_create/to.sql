-- a handler-less wrapper with options, a comment and an owner (a superuser: only one may
-- own a wrapper); a server on it with a type, a version and options; user mappings for a
-- role and for PUBLIC; postgres_fdw's wrapper belongs to its extension, a server on it does
-- not; a wrapper with postgres_fdw's handler and a validator of the file's own
CREATE TABLE notes (id integer PRIMARY KEY, body text);
CREATE EXTENSION postgres_fdw;
CREATE FUNCTION accept_options(text[], oid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
END
$$;
CREATE FOREIGN DATA WRAPPER dummy OPTIONS (debug 'true', "Mixed Case" 'it''s');
COMMENT ON FOREIGN DATA WRAPPER dummy IS 'no handler';
ALTER FOREIGN DATA WRAPPER dummy OWNER TO app_superuser;
CREATE FOREIGN DATA WRAPPER remote_pg HANDLER postgres_fdw_handler VALIDATOR accept_options;
CREATE SERVER archive TYPE 'cold' VERSION '2.1' FOREIGN DATA WRAPPER dummy
    OPTIONS (host 'archive.internal', port '5433');
COMMENT ON SERVER archive IS 'old rows';
ALTER SERVER archive OWNER TO app_superuser;
CREATE SERVER reports FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host 'reports.internal', dbname 'reports', port '5432');
CREATE SERVER "Elsewhere" FOREIGN DATA WRAPPER remote_pg;
CREATE USER MAPPING FOR app_reader SERVER reports OPTIONS (user 'reader');
CREATE USER MAPPING FOR PUBLIC SERVER archive;
GRANT USAGE ON FOREIGN SERVER reports TO app_reader;
GRANT USAGE ON FOREIGN DATA WRAPPER remote_pg TO app_writer WITH GRANT OPTION;
