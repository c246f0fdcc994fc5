CREATE EXTENSION hstore;

CREATE TABLE products (
    id integer PRIMARY KEY,
    name text NOT NULL,
    attributes hstore
);
