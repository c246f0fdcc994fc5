-- e-commerce schema, current production state
CREATE EXTENSION citext;

CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');
CREATE TYPE payment_method AS ENUM ('card', 'paypal', 'bank_transfer', 'cheque');

CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    email citext NOT NULL UNIQUE,
    full_name varchar(120) NOT NULL,
    phone varchar(20),
    fax varchar(20),
    created_at timestamp NOT NULL DEFAULT now()
);

CREATE TABLE addresses (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    line1 text NOT NULL,
    line2 text,
    city text NOT NULL,
    postcode varchar(10) NOT NULL,
    country char(2) NOT NULL DEFAULT 'GB'
);
CREATE INDEX addresses_customer_id_idx ON addresses (customer_id);

CREATE TABLE categories (
    id serial PRIMARY KEY,
    parent_id integer REFERENCES categories (id),
    name text NOT NULL
);

CREATE TABLE products (
    id serial PRIMARY KEY,
    category_id integer REFERENCES categories (id),
    sku varchar(32) NOT NULL UNIQUE,
    name text NOT NULL,
    price integer NOT NULL,
    stock integer NOT NULL DEFAULT 0,
    CHECK (price >= 0)
);
CREATE INDEX products_name_idx ON products (name);

CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    shipping_address_id bigint REFERENCES addresses (id),
    status order_status NOT NULL DEFAULT 'pending',
    placed_at timestamp NOT NULL DEFAULT now(),
    notes text
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE INDEX orders_status_idx ON orders (status);

CREATE TABLE order_items (
    order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id integer NOT NULL REFERENCES products (id),
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price integer NOT NULL,
    PRIMARY KEY (order_id, product_id)
);

CREATE TABLE payments (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders (id),
    method payment_method NOT NULL,
    amount integer NOT NULL,
    paid_at timestamp NOT NULL DEFAULT now()
);

COMMENT ON TABLE orders IS 'Customer orders';
COMMENT ON COLUMN products.price IS 'Price in pence';
