CREATE TABLE counters (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE INDEX counters_name_idx ON counters (name);
