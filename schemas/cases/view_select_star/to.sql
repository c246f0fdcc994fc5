-- SELECT * is expanded as the server does, so a file and its database compare equal
CREATE TABLE t (id integer PRIMARY KEY, a text);
CREATE VIEW everything AS SELECT * FROM t;
