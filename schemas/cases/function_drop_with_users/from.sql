-- a function dropped with everything that calls it: a view, a column default, a check
-- constraint, an index and a trigger
CREATE FUNCTION normalized(value text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT lower(trim(value)) $$;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.code := normalized(NEW.code);
    RETURN NEW;
END
$$;

CREATE TABLE tags (
    id bigint PRIMARY KEY,
    code text NOT NULL DEFAULT normalized('NEW'),
    CONSTRAINT tags_code_normalized CHECK (code = normalized(code))
);
CREATE INDEX tags_code ON tags (normalized(code));
CREATE VIEW tag_codes AS SELECT normalized(code) AS code FROM tags;
CREATE TRIGGER tags_touch BEFORE INSERT ON tags FOR EACH ROW EXECUTE FUNCTION touch();
