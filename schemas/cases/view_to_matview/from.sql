CREATE TABLE t (id integer PRIMARY KEY, v text);
CREATE VIEW summary AS SELECT id, v FROM t;
COMMENT ON VIEW summary IS 'A summary';
