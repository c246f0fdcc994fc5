CREATE TABLE customers (
    id serial PRIMARY KEY,
    name text NOT NULL
);
