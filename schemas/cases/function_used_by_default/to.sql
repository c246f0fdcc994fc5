-- a function is created before the table whose default calls it; a dropped one after its last user
CREATE FUNCTION new_code() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$;
CREATE TABLE tickets (
    id integer PRIMARY KEY,
    code text NOT NULL DEFAULT new_code() CHECK (length(code) > 0)
);
