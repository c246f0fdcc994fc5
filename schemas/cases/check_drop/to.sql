-- check constraints (one generated name, one explicit) are dropped
CREATE TABLE products (
    id integer PRIMARY KEY,
    price numeric(10,2) NOT NULL,
    stock integer NOT NULL
);
