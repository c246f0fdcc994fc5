-- an index gains a fillfactor storage parameter (WITH (fillfactor = 70))
CREATE TABLE counters (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE INDEX counters_name_idx ON counters (name) WITH (fillfactor = 70);
