-- unique constraints are dropped with DROP CONSTRAINT (not DROP INDEX)
CREATE TABLE users (
    id integer PRIMARY KEY,
    email text NOT NULL,
    username text NOT NULL
);
