-- the public schema keeps its stock comment
CREATE TABLE t (id integer PRIMARY KEY);
