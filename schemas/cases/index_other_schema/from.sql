CREATE SCHEMA app;
CREATE TABLE app.items (
    id integer PRIMARY KEY,
    code text NOT NULL
);
CREATE TABLE items (
    id integer PRIMARY KEY,
    code text NOT NULL
);
