-- a domain over a table's row type comes after the table, the table using it after it, and
-- functions whose signatures name those tables after them
CREATE TABLE base (id int, name text);
CREATE DOMAIN base_row AS base;
CREATE TABLE uses (item base_row);

CREATE FUNCTION has_item(r uses) RETURNS boolean LANGUAGE sql AS $$ SELECT r.item IS NOT NULL $$;
CREATE FUNCTION all_uses() RETURNS TABLE (r uses) LANGUAGE sql AS $$ SELECT u FROM uses u $$;
CREATE FUNCTION bases() RETURNS SETOF base LANGUAGE sql AS $$ SELECT * FROM base $$;
