-- a plain btree index (named) and an unnamed one (orders_placed_at_idx) are created
CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer NOT NULL,
    placed_at timestamptz NOT NULL
);
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE INDEX ON orders (placed_at);
