-- a view becomes a materialized view of the same name: dropped and created as the new kind
CREATE TABLE t (id integer PRIMARY KEY, v text);
CREATE MATERIALIZED VIEW summary AS SELECT id, v FROM t;
COMMENT ON MATERIALIZED VIEW summary IS 'A summary';
