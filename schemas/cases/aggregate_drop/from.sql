CREATE FUNCTION join_text(text, text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN $1 IS NULL THEN $2 ELSE $1 || ',' || $2 END $$;
CREATE AGGREGATE group_concat(text) (SFUNC = join_text, STYPE = text);
COMMENT ON AGGREGATE group_concat(text) IS 'comma separated';
