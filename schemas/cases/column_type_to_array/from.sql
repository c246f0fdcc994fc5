CREATE TABLE posts (
    id integer PRIMARY KEY,
    tag text,
    scores integer[]
);
