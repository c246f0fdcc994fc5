CREATE TABLE people (id integer PRIMARY KEY, name text NOT NULL);
CREATE VIEW people_names AS SELECT id, name FROM people;
CREATE FUNCTION insert_person() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER people_names_insert INSTEAD OF INSERT ON people_names
    FOR EACH ROW EXECUTE FUNCTION insert_person();