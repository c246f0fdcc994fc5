CREATE TABLE products (
    id integer PRIMARY KEY,
    legacy_code text UNIQUE
);
CREATE TABLE legacy_links (
    id integer PRIMARY KEY,
    product_code text REFERENCES products (legacy_code)
);
