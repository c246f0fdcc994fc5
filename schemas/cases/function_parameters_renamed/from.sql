-- parameters renamed and a default changed: CREATE OR REPLACE cannot, so the function is
-- dropped and created, and the view, check constraint and index that call it around it
CREATE FUNCTION add_tax(amount numeric, rate numeric DEFAULT 0.2) RETURNS numeric
    LANGUAGE sql IMMUTABLE AS $$ SELECT amount * (1 + rate) $$;

CREATE TABLE items (id bigint PRIMARY KEY, price numeric NOT NULL, CHECK (add_tax(price) >= 0));
CREATE INDEX items_gross ON items (add_tax(price));
CREATE VIEW priced AS SELECT id, add_tax(price) AS gross FROM items;
CREATE VIEW expensive AS SELECT id FROM priced WHERE gross > 100;

CREATE FUNCTION untouched(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x $$;
