-- dropping a schema also drops its tables, sequence and enum (and the FK into public)
CREATE TABLE users (
    id integer PRIMARY KEY,
    name text NOT NULL
);
