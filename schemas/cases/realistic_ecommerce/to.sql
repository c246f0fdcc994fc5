-- realistic e-commerce change set: enum value added and one removed, money columns to numeric, timestamps to timestamptz, new table with FKs, columns added/dropped, FK action changed, indexes and checks added/dropped, comments changed
CREATE EXTENSION citext;

CREATE TYPE order_status AS ENUM ('pending', 'paid', 'packed', 'shipped', 'delivered', 'cancelled', 'refunded');
CREATE TYPE payment_method AS ENUM ('card', 'paypal', 'bank_transfer');

CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    email citext NOT NULL UNIQUE,
    full_name varchar(200) NOT NULL,
    phone varchar(20),
    marketing_opt_in boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE addresses (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    line1 text NOT NULL,
    line2 text,
    city text NOT NULL,
    postcode varchar(10) NOT NULL,
    country char(2) NOT NULL DEFAULT 'GB' CHECK (country ~ '^[A-Z]{2}$')
);
CREATE INDEX addresses_customer_id_idx ON addresses (customer_id);

CREATE TABLE categories (
    id serial PRIMARY KEY,
    parent_id integer REFERENCES categories (id),
    name text NOT NULL,
    slug text NOT NULL,
    UNIQUE NULLS NOT DISTINCT (parent_id, slug)
);

CREATE TABLE products (
    id serial PRIMARY KEY,
    category_id integer REFERENCES categories (id) ON DELETE SET NULL,
    sku varchar(32) NOT NULL UNIQUE,
    name text NOT NULL,
    price numeric(12,2) NOT NULL,
    stock integer NOT NULL DEFAULT 0,
    tags text[] NOT NULL DEFAULT '{}',
    CHECK (price >= 0),
    CHECK (stock >= 0)
);
CREATE INDEX products_lower_name_idx ON products (lower(name) text_pattern_ops);
CREATE INDEX products_tags_idx ON products USING gin (tags);

CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    shipping_address_id bigint REFERENCES addresses (id),
    status order_status NOT NULL DEFAULT 'pending',
    placed_at timestamptz NOT NULL DEFAULT now(),
    notes text
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id, placed_at DESC);
CREATE INDEX orders_open_idx ON orders (placed_at) WHERE status IN ('pending', 'paid', 'packed');

CREATE TABLE order_items (
    order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id integer NOT NULL REFERENCES products (id),
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price numeric(12,2) NOT NULL,
    line_total numeric(14,2) GENERATED ALWAYS AS (unit_price * quantity) STORED,
    PRIMARY KEY (order_id, product_id)
);

CREATE TABLE payments (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders (id),
    method payment_method NOT NULL,
    amount numeric(12,2) NOT NULL CHECK (amount > 0),
    paid_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_order_id_idx ON payments (order_id);

CREATE TABLE shipments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    carrier text NOT NULL,
    tracking_code text UNIQUE,
    shipped_at timestamptz,
    delivered_at timestamptz,
    CHECK (delivered_at IS NULL OR delivered_at >= shipped_at)
);
CREATE INDEX ON shipments (order_id);

COMMENT ON TABLE orders IS 'Customer orders; one row per checkout';
COMMENT ON COLUMN products.price IS 'Price in GBP, VAT inclusive';
COMMENT ON TABLE shipments IS 'Parcels sent for an order';
