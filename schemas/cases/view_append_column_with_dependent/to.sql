-- a column appended to a view another view reads: the rollback could not drop it under the
-- dependent, so both are dropped and created
CREATE TABLE people (id integer PRIMARY KEY, name text NOT NULL, city text);
CREATE VIEW people_names AS SELECT id, name, city FROM people;
CREATE VIEW people_ids AS SELECT id FROM people_names;
