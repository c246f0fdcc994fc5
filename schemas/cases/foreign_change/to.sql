-- wrapper options added, set and dropped, a validator given and another taken away, a
-- comment changed; server options, version (set and removed), comment and owner changed in
-- place; a server on a new wrapper with a new type is dropped and created with its user
-- mapping, and its old wrapper dropped in the same plan; mapping options changed, one
-- mapping dropped and another created
CREATE EXTENSION postgres_fdw;
CREATE FUNCTION accept_options(text[], oid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
END
$$;
CREATE FOREIGN DATA WRAPPER dummy VALIDATOR accept_options
    OPTIONS (kept '1', changed 'new', added 'y');
CREATE FOREIGN DATA WRAPPER remote_pg HANDLER postgres_fdw_handler NO VALIDATOR;
COMMENT ON FOREIGN DATA WRAPPER remote_pg IS 'after';
CREATE FOREIGN DATA WRAPPER new_wrapper;
CREATE SERVER archive VERSION '2' FOREIGN DATA WRAPPER dummy
    OPTIONS (host 'b', port '1', sslmode 'require');
COMMENT ON SERVER archive IS 'two';
ALTER SERVER archive OWNER TO app_superuser;
CREATE SERVER moved TYPE 'y' FOREIGN DATA WRAPPER new_wrapper;
CREATE SERVER versioned FOREIGN DATA WRAPPER dummy;
CREATE USER MAPPING FOR app_reader SERVER archive OPTIONS (user 'r2', extra 'e');
CREATE USER MAPPING FOR PUBLIC SERVER moved OPTIONS (user 'p');
CREATE USER MAPPING FOR app_admin SERVER versioned;
-- grants: one revoked, one given
GRANT USAGE ON FOREIGN SERVER archive TO app_admin;
