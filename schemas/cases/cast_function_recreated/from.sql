CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE level AS ENUM ('low', 'mid', 'high');
CREATE FUNCTION mood_score(m mood) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT array_position(enum_range(NULL::mood), m)::numeric $$;
CREATE CAST (mood AS numeric) WITH FUNCTION mood_score(mood);
CREATE CAST (level AS text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (level AS text) IS 'the label';
