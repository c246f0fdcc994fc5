CREATE FUNCTION join_text(text, text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT $1 || ',' || $2 $$;
CREATE AGGREGATE group_concat(text) (SFUNC = join_text, STYPE = text);
CREATE AGGREGATE counted(text) (SFUNC = join_text, STYPE = text, INITCOND = '');
