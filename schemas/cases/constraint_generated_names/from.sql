CREATE TABLE t (
    a integer,
    b integer,
    c integer
);
CREATE TABLE r (id integer PRIMARY KEY);
