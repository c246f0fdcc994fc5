CREATE TABLE products (
    id integer PRIMARY KEY,
    price numeric(10,2) NOT NULL,
    discount numeric(10,2) NOT NULL DEFAULT 0
);
