-- an enum in a non-public schema is created and used (schema-qualified) by a column in public
CREATE SCHEMA inventory;

CREATE TYPE inventory.stock_state AS ENUM ('in_stock', 'backorder', 'discontinued');

CREATE TABLE inventory.items (
    id integer PRIMARY KEY,
    sku text NOT NULL UNIQUE,
    state inventory.stock_state NOT NULL DEFAULT 'in_stock'
);

CREATE TABLE stock_snapshots (
    item_id integer NOT NULL REFERENCES inventory.items (id),
    taken_on date NOT NULL,
    state inventory.stock_state NOT NULL,
    PRIMARY KEY (item_id, taken_on)
);
