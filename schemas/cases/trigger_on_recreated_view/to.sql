CREATE TABLE people (id integer PRIMARY KEY, name text NOT NULL);
-- a new query: the view is dropped and created, and its trigger with it
CREATE VIEW people_names AS SELECT id, upper(name) AS name FROM people;
CREATE FUNCTION insert_person() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER people_names_insert INSTEAD OF INSERT ON people_names
    FOR EACH ROW EXECUTE FUNCTION insert_person();