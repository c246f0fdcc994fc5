-- table comments: added on a, changed on b (multi-line, with a quote), removed on c
CREATE TABLE a (id integer PRIMARY KEY);
CREATE TABLE b (id integer PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY);
COMMENT ON TABLE a IS 'Table A';
COMMENT ON TABLE b IS 'Table B.
It''s the second table.';
