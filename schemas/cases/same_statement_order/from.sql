CREATE SCHEMA s;
CREATE TYPE s.kind AS ENUM ('x', 'y');
CREATE TABLE s.a (id integer PRIMARY KEY, kind s.kind);
CREATE TABLE s.b (id integer PRIMARY KEY, a_id integer REFERENCES s.a (id));
CREATE INDEX b_a_id_idx ON s.b (a_id);
COMMENT ON TABLE s.a IS 'A';
