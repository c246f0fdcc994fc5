CREATE TABLE r (id integer PRIMARY KEY);
CREATE TABLE t (
    id integer PRIMARY KEY,
    a integer UNIQUE,
    b integer REFERENCES r,
    c integer CHECK (c <> 0),
    d text
);
CREATE INDEX ON t (d);
CREATE INDEX ON t (lower(d));
