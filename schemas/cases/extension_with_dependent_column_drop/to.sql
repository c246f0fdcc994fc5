-- a column of an extension type is dropped before the extension itself
CREATE TABLE products (
    id integer PRIMARY KEY,
    name text NOT NULL
);
