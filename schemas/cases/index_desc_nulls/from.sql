CREATE TABLE posts (
    id integer PRIMARY KEY,
    score integer,
    published_at timestamptz
);
