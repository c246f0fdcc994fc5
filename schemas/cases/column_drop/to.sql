-- columns are dropped, and the index on one of them goes with it (no separate DROP INDEX that would fail)
CREATE TABLE users (
    id integer PRIMARY KEY,
    email text NOT NULL
);
