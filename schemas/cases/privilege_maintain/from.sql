CREATE TABLE orders (id bigint PRIMARY KEY, total numeric NOT NULL);

GRANT ALL ON orders TO app_writer;
GRANT ALL ON orders TO app_admin WITH GRANT OPTION;
ALTER DEFAULT PRIVILEGES GRANT ALL ON TABLES TO app_writer;
