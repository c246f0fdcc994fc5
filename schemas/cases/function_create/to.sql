-- functions in SQL and PL/pgSQL are created with their comments
CREATE FUNCTION add(a integer, b integer DEFAULT 1) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT a + b $$;

CREATE FUNCTION greet(name text) RETURNS text AS $$
BEGIN
    RETURN 'Hello, ' || name || '!';
END;
$$ LANGUAGE plpgsql;

COMMENT ON FUNCTION greet(text) IS 'Says hello';
