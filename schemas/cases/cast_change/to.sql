-- a new context, a new method (through a function instead of text), a comment added:
-- there is no ALTER CAST, each is dropped and created except the comment
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE FUNCTION mood_score(m mood) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT array_position(enum_range(NULL::mood), m)::numeric $$;
CREATE FUNCTION mood_label(m mood) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT upper(m::text) $$;
CREATE CAST (mood AS numeric) WITH FUNCTION mood_score(mood) AS ASSIGNMENT;
CREATE CAST (mood AS text) WITH FUNCTION mood_label(mood);
CREATE CAST (xid AS integer) WITHOUT FUNCTION AS IMPLICIT;
COMMENT ON CAST (xid AS integer) IS 'the same four bytes';
