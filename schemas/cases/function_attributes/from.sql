CREATE FUNCTION lookup(k text) RETURNS text LANGUAGE sql AS $$ SELECT upper(k) $$;
