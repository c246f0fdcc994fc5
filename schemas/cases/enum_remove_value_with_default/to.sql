-- recreating an enum whose column has a default, a check and a partial index that all mention it
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');

CREATE TABLE orders (
    id bigint PRIMARY KEY,
    status order_status NOT NULL DEFAULT 'pending'::order_status,
    CHECK (status <> 'cancelled'::order_status OR id > 0)
);

CREATE INDEX orders_open_idx ON orders (id) WHERE status = 'pending'::order_status;
