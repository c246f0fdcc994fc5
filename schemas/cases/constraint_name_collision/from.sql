CREATE TABLE t (
    a integer,
    b integer
);
