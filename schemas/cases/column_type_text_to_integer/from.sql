CREATE TABLE products (
    id integer PRIMARY KEY,
    stock text NOT NULL DEFAULT '0'
);
