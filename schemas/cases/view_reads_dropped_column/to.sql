-- a column a view reads is dropped together with the view's use of it
CREATE TABLE people (id integer PRIMARY KEY, name text);
CREATE VIEW names AS SELECT id, name FROM people;
