CREATE EXTENSION postgres_fdw;
CREATE FUNCTION accept_options(text[], oid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
END
$$;
CREATE FOREIGN DATA WRAPPER dummy OPTIONS (kept '1', changed 'old', dropped 'x');
CREATE FOREIGN DATA WRAPPER remote_pg HANDLER postgres_fdw_handler VALIDATOR postgres_fdw_validator;
COMMENT ON FOREIGN DATA WRAPPER remote_pg IS 'before';
CREATE FOREIGN DATA WRAPPER old_wrapper;
CREATE SERVER archive VERSION '1' FOREIGN DATA WRAPPER dummy
    OPTIONS (host 'a', port '1', dbname 'gone');
COMMENT ON SERVER archive IS 'one';
CREATE SERVER moved TYPE 'x' FOREIGN DATA WRAPPER old_wrapper;
CREATE SERVER versioned VERSION '9' FOREIGN DATA WRAPPER dummy;
CREATE USER MAPPING FOR app_reader SERVER archive OPTIONS (user 'r');
CREATE USER MAPPING FOR PUBLIC SERVER moved OPTIONS (user 'p');
CREATE USER MAPPING FOR app_writer SERVER archive;
GRANT USAGE ON FOREIGN SERVER archive TO app_writer;
GRANT USAGE ON FOREIGN DATA WRAPPER dummy TO PUBLIC;
