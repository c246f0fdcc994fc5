-- an unnamed index on a column that does not exist yet: the column is added first (index customers_external_ref_idx)
CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL,
    external_ref text
);
CREATE INDEX ON customers (external_ref);
