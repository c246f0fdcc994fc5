CREATE FUNCTION obsolete(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x * 2 $$;
COMMENT ON FUNCTION obsolete(integer) IS 'Doubles';
CREATE FUNCTION kept() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
