-- column grants added, extended and revoked, one with the grant option
CREATE TABLE customers (id bigint PRIMARY KEY, name text, email text, notes text);

GRANT SELECT (id, name, email) ON customers TO app_reader;
GRANT INSERT (name, email) ON customers TO app_writer WITH GRANT OPTION;
