CREATE TABLE cities (
    id integer PRIMARY KEY,
    name text NOT NULL
);
