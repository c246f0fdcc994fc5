-- the wrapper, its servers and their mappings are gone, and so is the validator
CREATE TABLE notes (id integer PRIMARY KEY, body text);
CREATE EXTENSION postgres_fdw;
