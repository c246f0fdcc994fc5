-- the state function's body is replaced in place; an aggregate whose options change is
-- dropped and created; a comment is added
CREATE FUNCTION join_text(text, text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT $1 || ';' || $2 $$;
CREATE AGGREGATE group_concat(text) (SFUNC = join_text, STYPE = text, INITCOND = '');
CREATE AGGREGATE counted(text) (SFUNC = join_text, STYPE = text, INITCOND = '');
COMMENT ON AGGREGATE counted(text) IS 'joined';
