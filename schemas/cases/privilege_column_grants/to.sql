-- column grants added, extended and revoked, with the grant option given and taken
CREATE TABLE customers (id bigint PRIMARY KEY, name text, email text, notes text);

GRANT SELECT (id, name, email) ON customers TO app_reader;
GRANT INSERT (name, email) ON customers TO app_writer WITH GRANT OPTION;
GRANT SELECT (id) ON customers TO app_admin;
GRANT ALL (notes) ON customers TO app_admin;
