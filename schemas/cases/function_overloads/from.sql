CREATE FUNCTION area(r double precision) RETURNS double precision LANGUAGE sql AS $$ SELECT pi() * r * r $$;
