-- a column read by a view read by another view changes type: both views are dropped first and recreated after, in order
CREATE TABLE items (id integer PRIMARY KEY, price numeric(10,2) NOT NULL);
CREATE VIEW priced AS SELECT id, price FROM items;
CREATE VIEW expensive AS SELECT id FROM priced WHERE price > 100;
