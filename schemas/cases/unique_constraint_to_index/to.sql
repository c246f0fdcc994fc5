-- a unique constraint is replaced by a plain unique index with the same name (different object kinds)
CREATE TABLE users (
    id integer PRIMARY KEY,
    email text NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (email);
