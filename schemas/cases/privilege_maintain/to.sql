-- PostgreSQL 17's MAINTAIN granted on its own and with others, and grants of ALL (which
-- gives MAINTAIN there) narrowed, on a table and in default privileges
CREATE TABLE orders (id bigint PRIMARY KEY, total numeric NOT NULL);

GRANT MAINTAIN ON orders TO app_reader;
GRANT SELECT, INSERT, MAINTAIN ON orders TO app_writer;
GRANT ALL ON orders TO app_admin;
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO app_writer;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT MAINTAIN ON TABLES TO app_reader;
