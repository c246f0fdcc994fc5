CREATE TABLE t (
    a integer,
    b integer
);
ALTER TABLE t ADD UNIQUE (a);
ALTER TABLE t ADD UNIQUE (a, b);
ALTER TABLE t ADD UNIQUE (a);
