CREATE TABLE users (
    id integer PRIMARY KEY,
    email text NOT NULL,
    phone text NOT NULL DEFAULT ''
);
