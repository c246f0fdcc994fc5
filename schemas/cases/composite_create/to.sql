-- a composite type using an enum and a domain, used by a function argument, a function
-- result and a column
CREATE TYPE status AS ENUM ('active', 'inactive');
CREATE DOMAIN short_text AS varchar(40);
CREATE TYPE entry AS (id integer, status status, note short_text, label text COLLATE "C");
COMMENT ON TYPE entry IS 'one entry';
CREATE FUNCTION describe(e entry) RETURNS text LANGUAGE sql AS $$ SELECT e.note $$;
CREATE FUNCTION first_entry() RETURNS entry LANGUAGE sql AS $$ SELECT NULL::entry $$;
CREATE TABLE log (id int PRIMARY KEY, entries entry[]);
