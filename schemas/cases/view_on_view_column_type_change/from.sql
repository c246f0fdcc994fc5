CREATE TABLE items (id integer PRIMARY KEY, price integer NOT NULL);
CREATE VIEW priced AS SELECT id, price FROM items;
CREATE VIEW expensive AS SELECT id FROM priced WHERE price > 100;
