-- a column appended: CREATE OR REPLACE VIEW; the rollback drops it and creates the old view
CREATE TABLE people (id integer PRIMARY KEY, name text NOT NULL, city text);
CREATE VIEW people_names AS SELECT id, name, city FROM people WHERE city IS NOT NULL;
COMMENT ON COLUMN people_names.name IS 'Display name';
COMMENT ON COLUMN people_names.city IS 'Home city';
