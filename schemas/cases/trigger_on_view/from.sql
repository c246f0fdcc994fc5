CREATE TABLE people (id integer PRIMARY KEY, name text NOT NULL);
CREATE VIEW people_names AS SELECT id, name FROM people;
CREATE FUNCTION insert_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO people (id, name) VALUES (NEW.id, NEW.name);
    RETURN NEW;
END
$$;
