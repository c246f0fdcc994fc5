CREATE TABLE people (id integer PRIMARY KEY, name text NOT NULL, city text);
CREATE VIEW people_names AS SELECT id, name FROM people;
CREATE VIEW people_ids AS SELECT id FROM people_names;
