CREATE SCHEMA ext;
CREATE EXTENSION hstore WITH SCHEMA ext;
CREATE TABLE t (
    id integer PRIMARY KEY,
    attrs ext.hstore
);
