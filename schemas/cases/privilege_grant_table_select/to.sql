-- a read-only role may read the table
CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);

GRANT SELECT ON accounts TO app_reader;
