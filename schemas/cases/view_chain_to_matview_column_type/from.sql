CREATE TABLE items (id integer PRIMARY KEY, price integer NOT NULL, label text);
CREATE VIEW priced AS SELECT id, price FROM items WHERE price > 0;
CREATE VIEW expensive AS SELECT id, price FROM priced WHERE price > 100;
CREATE MATERIALIZED VIEW expensive_snapshot AS SELECT id, price FROM expensive;
CREATE INDEX expensive_snapshot_price ON expensive_snapshot (price);
CREATE VIEW unrelated AS SELECT id, label FROM items;
