-- indexes keep their names but change definition (columns, uniqueness, predicate): drop and recreate each
CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer NOT NULL,
    status text NOT NULL,
    placed_at timestamptz NOT NULL
);
CREATE INDEX orders_lookup_idx ON orders (customer_id, placed_at DESC);
CREATE UNIQUE INDEX orders_status_idx ON orders (status, id);
CREATE INDEX orders_placed_idx ON orders (placed_at) WHERE status <> 'cancelled';
