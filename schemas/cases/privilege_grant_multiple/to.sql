-- several privileges in one statement, and ALL
CREATE TABLE orders (id bigint PRIMARY KEY, total numeric NOT NULL);

GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE orders TO app_writer;
GRANT ALL PRIVILEGES ON orders TO app_admin;
GRANT SELECT ON orders TO app_reader, PUBLIC;
