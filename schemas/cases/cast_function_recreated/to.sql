-- the cast's function gets a new parameter name (CREATE OR REPLACE cannot change it, so it
-- is dropped and created) and an enum loses a value (it is recreated): the casts on them are
-- dropped before and created after
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE level AS ENUM ('low', 'high');
CREATE FUNCTION mood_score(feeling mood) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT array_position(enum_range(NULL::mood), feeling)::numeric $$;
CREATE CAST (mood AS numeric) WITH FUNCTION mood_score(mood);
CREATE CAST (level AS text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (level AS text) IS 'the label';
