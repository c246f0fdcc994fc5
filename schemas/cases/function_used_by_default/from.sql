CREATE FUNCTION old_code() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;
CREATE TABLE legacy (code text DEFAULT old_code());
