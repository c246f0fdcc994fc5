CREATE TABLE events (
    id integer PRIMARY KEY,
    counter integer NOT NULL DEFAULT 0
);
