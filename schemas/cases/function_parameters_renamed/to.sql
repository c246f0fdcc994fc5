-- parameters renamed and a default changed: CREATE OR REPLACE cannot, so the function is
-- dropped and created, and the view, check constraint and index that call it around it
CREATE FUNCTION add_tax(net numeric, tax numeric DEFAULT 0.25) RETURNS numeric
    LANGUAGE sql IMMUTABLE AS $$ SELECT net * (1 + tax) $$;

CREATE TABLE items (id bigint PRIMARY KEY, price numeric NOT NULL, CHECK (add_tax(price) >= 0));
CREATE INDEX items_gross ON items (add_tax(price));
CREATE VIEW priced AS SELECT id, add_tax(price) AS gross FROM items;
CREATE VIEW expensive AS SELECT id FROM priced WHERE gross > 100;

CREATE FUNCTION untouched(y integer) RETURNS integer LANGUAGE sql AS $$ SELECT y $$;
