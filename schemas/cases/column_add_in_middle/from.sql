CREATE TABLE people (
    id integer PRIMARY KEY,
    last_name text NOT NULL
);
