CREATE SCHEMA inventory;

CREATE TABLE inventory.items (
    id integer PRIMARY KEY,
    sku text NOT NULL UNIQUE
);
