-- indexes (plain and unique) are dropped with DROP INDEX
CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer NOT NULL,
    placed_at timestamptz NOT NULL
);
