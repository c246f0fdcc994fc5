CREATE TABLE base_items (
    id integer PRIMARY KEY,
    kind text NOT NULL
);
