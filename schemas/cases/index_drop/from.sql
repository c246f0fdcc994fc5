CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer NOT NULL,
    placed_at timestamptz NOT NULL
);
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE UNIQUE INDEX orders_customer_placed_idx ON orders (customer_id, placed_at);
