-- an existing index gains INCLUDE columns (same name, different definition: drop and recreate)
CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer NOT NULL,
    total numeric(12,2) NOT NULL,
    status text NOT NULL
);
CREATE INDEX orders_customer_idx ON orders (customer_id) INCLUDE (total, status);
