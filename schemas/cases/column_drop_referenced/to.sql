-- a column whose unique constraint is the target of another table's FK is dropped; the FK must go first
CREATE TABLE products (
    id integer PRIMARY KEY
);
CREATE TABLE legacy_links (
    id integer PRIMARY KEY,
    product_code text
);
