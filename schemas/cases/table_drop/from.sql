CREATE TABLE customers (
    id integer PRIMARY KEY,
    email text NOT NULL UNIQUE
);
CREATE TABLE tmp_import (
    line text
);
CREATE INDEX ON tmp_import (line);
