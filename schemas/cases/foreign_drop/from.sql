-- everything dropped (grants with their objects): user mappings before their server,
-- servers before their wrapper,
-- the wrapper before its validator
CREATE TABLE notes (id integer PRIMARY KEY, body text);
CREATE EXTENSION postgres_fdw;
CREATE FUNCTION accept_options(text[], oid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
END
$$;
CREATE FOREIGN DATA WRAPPER dummy VALIDATOR accept_options OPTIONS (debug 'true');
COMMENT ON FOREIGN DATA WRAPPER dummy IS 'going';
ALTER FOREIGN DATA WRAPPER dummy OWNER TO app_superuser;
CREATE SERVER archive VERSION '1' FOREIGN DATA WRAPPER dummy OPTIONS (host 'a');
COMMENT ON SERVER archive IS 'going too';
ALTER SERVER archive OWNER TO app_superuser;
CREATE SERVER reports FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'r', dbname 'd');
CREATE USER MAPPING FOR app_reader SERVER reports OPTIONS (user 'reader');
CREATE USER MAPPING FOR PUBLIC SERVER archive OPTIONS (note 'x');
GRANT USAGE ON FOREIGN SERVER archive TO app_writer;
