-- a NOT NULL column without a default is added (works on an empty table; fails if rows exist)
CREATE TABLE posts (
    id integer PRIMARY KEY,
    title text NOT NULL,
    slug text NOT NULL
);
