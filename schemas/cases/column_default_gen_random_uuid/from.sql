CREATE TABLE files (
    id uuid PRIMARY KEY,
    name text NOT NULL
);
