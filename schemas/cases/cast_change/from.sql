CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE FUNCTION mood_score(m mood) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT array_position(enum_range(NULL::mood), m)::numeric $$;
CREATE FUNCTION mood_label(m mood) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT upper(m::text) $$;
CREATE CAST (mood AS numeric) WITH FUNCTION mood_score(mood);
CREATE CAST (mood AS text) WITH INOUT;
COMMENT ON CAST (mood AS text) IS 'the label';
CREATE CAST (xid AS integer) WITHOUT FUNCTION AS IMPLICIT;
