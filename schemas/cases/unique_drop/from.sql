CREATE TABLE users (
    id integer PRIMARY KEY,
    email text NOT NULL UNIQUE,
    username text NOT NULL CONSTRAINT users_username_uq UNIQUE
);
