-- shop v2: the desired state for the next release.
-- Compared with v1: customers.fax_number is gone and customers gain marketing_opt_in;
-- products.name grows to varchar(200) and in_stock must not go negative;
-- orders can be 'refunded' and are indexed by status; reviews are new.

CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled', 'refunded');

CREATE TABLE customers (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email             text NOT NULL UNIQUE,
    full_name         text NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    marketing_opt_in  boolean NOT NULL DEFAULT false
);

CREATE TABLE products (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku         varchar(32) NOT NULL UNIQUE,
    name        varchar(200) NOT NULL,
    price       numeric(10,2) NOT NULL CHECK (price >= 0),
    in_stock    integer NOT NULL DEFAULT 0 CHECK (in_stock >= 0)
);

CREATE TABLE orders (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES customers (id),
    status       order_status NOT NULL DEFAULT 'pending',
    placed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE order_items (
    order_id    bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id  bigint NOT NULL REFERENCES products (id),
    quantity    integer NOT NULL CHECK (quantity > 0),
    unit_price  numeric(10,2) NOT NULL,
    PRIMARY KEY (order_id, product_id)
);

CREATE TABLE reviews (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id   bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    customer_id  bigint NOT NULL REFERENCES customers (id),
    rating       smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body         text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (product_id, customer_id)
);

CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE INDEX orders_status_idx ON orders (status) WHERE status IN ('pending', 'paid');
CREATE INDEX products_name_idx ON products (lower(name));

COMMENT ON TABLE customers IS 'People who can place orders';
COMMENT ON TABLE orders IS 'One row per checkout';
COMMENT ON COLUMN order_items.unit_price IS 'Price at the time of purchase';
COMMENT ON TABLE reviews IS 'One review per customer per product';
