-- casts of every method and context, one with a comment: a function in another schema, a
-- function named without its arguments, binary coercible (two built-in types stored as four
-- bytes by value), through text, and a built-in function named unqualified (the server
-- warns that a cast from a domain is never used implicitly, and keeps it)
CREATE SCHEMA money;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE money.amount AS (units bigint, currency text);
CREATE FUNCTION money.amount_text(a money.amount) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT a.units || ' ' || a.currency $$;
CREATE FUNCTION mood_score(m mood) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT array_position(enum_range(NULL::mood), m)::numeric $$;
CREATE CAST (money.amount AS text) WITH FUNCTION money.amount_text(money.amount) AS ASSIGNMENT;
COMMENT ON CAST (money.amount AS text) IS 'units and currency';
CREATE CAST (public.mood AS numeric) WITH FUNCTION mood_score;
CREATE CAST (xid AS int4) WITHOUT FUNCTION;
CREATE CAST (text AS money.amount) WITH INOUT AS IMPLICIT;
CREATE DOMAIN label AS text;
CREATE CAST (label AS integer) WITH FUNCTION length(text);
