CREATE TABLE items (id bigint PRIMARY KEY, name text, price numeric);
CREATE VIEW cheap_items AS SELECT id, name FROM items WHERE price < 10;

GRANT SELECT ON cheap_items TO app_reader;
GRANT SELECT ON items TO app_reader;
