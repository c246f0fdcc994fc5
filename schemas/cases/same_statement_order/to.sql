-- no change: the same objects created in a different order (FK added afterwards, comment first)
CREATE SCHEMA s;
CREATE TYPE s.kind AS ENUM ('x', 'y');
CREATE TABLE s.b (id integer PRIMARY KEY, a_id integer);
CREATE INDEX b_a_id_idx ON s.b (a_id);
CREATE TABLE s.a (id integer PRIMARY KEY, kind s.kind);
COMMENT ON TABLE s.a IS 'A';
ALTER TABLE s.b ADD FOREIGN KEY (a_id) REFERENCES s.a (id);
