-- an extension is created with CREATE EXTENSION
CREATE EXTENSION hstore;

CREATE TABLE notes (
    id integer PRIMARY KEY,
    body text NOT NULL
);
