CREATE TABLE people (id integer PRIMARY KEY, name text NOT NULL, city text);
CREATE VIEW people_names AS SELECT id, name FROM people;
COMMENT ON COLUMN people_names.name IS 'Display name';
