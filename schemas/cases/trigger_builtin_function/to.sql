CREATE TABLE notes (id integer PRIMARY KEY, body text);
-- a built-in trigger function: the server prints it unqualified
CREATE TRIGGER notes_skip_noop BEFORE UPDATE ON notes
    FOR EACH ROW EXECUTE FUNCTION pg_catalog.suppress_redundant_updates_trigger();
