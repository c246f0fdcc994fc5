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
