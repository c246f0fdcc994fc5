CREATE TABLE users (
    id integer PRIMARY KEY,
    email text NOT NULL,
    first_name text,
    last_name text,
    created_at timestamptz NOT NULL
);
