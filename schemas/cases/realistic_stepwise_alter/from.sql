-- current state, written as a single CREATE per table
CREATE TABLE users (
    id integer PRIMARY KEY,
    username text NOT NULL UNIQUE,
    email text,
    created_at timestamp NOT NULL DEFAULT now()
);

CREATE TABLE posts (
    id integer PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users (id),
    title text NOT NULL,
    body text
);
