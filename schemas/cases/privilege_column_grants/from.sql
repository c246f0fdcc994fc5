CREATE TABLE customers (id bigint PRIMARY KEY, name text, email text, notes text);

GRANT SELECT (id, name) ON customers TO app_reader;
GRANT UPDATE (notes) ON customers TO app_writer;
GRANT SELECT (id) ON customers TO app_admin WITH GRANT OPTION;
