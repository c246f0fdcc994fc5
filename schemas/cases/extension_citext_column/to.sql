-- the citext extension is created before a column changes to its type; the unique constraint stays
CREATE EXTENSION citext;

CREATE TABLE users (
    id integer PRIMARY KEY,
    email citext NOT NULL UNIQUE
);
