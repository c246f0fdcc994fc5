-- a new result type cannot be replaced in place: the function is dropped and created
CREATE FUNCTION answer() RETURNS bigint LANGUAGE sql AS $$ SELECT 42::bigint $$;
