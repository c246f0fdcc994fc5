CREATE TABLE nodes (id integer PRIMARY KEY);
CREATE TABLE edges (
    id integer PRIMARY KEY,
    src integer NOT NULL REFERENCES nodes (id),
    dst integer NOT NULL REFERENCES nodes (id) DEFERRABLE
);
