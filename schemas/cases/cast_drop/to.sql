-- every cast dropped, the types and functions kept; a DROP of one never created
CREATE SCHEMA money;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE money.amount AS (units bigint, currency text);
CREATE FUNCTION money.amount_text(a money.amount) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT a.units || ' ' || a.currency $$;
CREATE FUNCTION mood_score(m mood) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT array_position(enum_range(NULL::mood), m)::numeric $$;
DROP CAST IF EXISTS (mood AS date);
