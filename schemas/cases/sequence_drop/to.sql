-- an unused standalone sequence is dropped
CREATE TABLE t (id integer PRIMARY KEY);
