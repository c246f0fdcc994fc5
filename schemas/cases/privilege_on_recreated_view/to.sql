-- the view is recreated for its new query: its grants are given again
CREATE TABLE items (id bigint PRIMARY KEY, name text, price numeric);
CREATE VIEW cheap_items AS SELECT id, name, price FROM items WHERE price < 5;

GRANT SELECT ON cheap_items TO app_reader, app_writer;
GRANT SELECT ON items TO app_reader;
