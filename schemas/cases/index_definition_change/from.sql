CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer NOT NULL,
    status text NOT NULL,
    placed_at timestamptz NOT NULL
);
CREATE INDEX orders_lookup_idx ON orders (customer_id);
CREATE INDEX orders_status_idx ON orders (status);
CREATE INDEX orders_placed_idx ON orders (placed_at);
