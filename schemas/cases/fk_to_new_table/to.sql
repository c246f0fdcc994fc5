-- an existing table gains a column with an FK to a new table, which must be created first
CREATE TABLE brands (
    id integer PRIMARY KEY,
    name text NOT NULL UNIQUE
);
CREATE TABLE products (
    id integer PRIMARY KEY,
    name text NOT NULL,
    brand_id integer REFERENCES brands (id)
);
