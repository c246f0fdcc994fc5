-- constraint comments: added on the PK, changed on the check (with a quote), removed from the unique
CREATE TABLE products (
    id integer PRIMARY KEY,
    sku text NOT NULL UNIQUE,
    price numeric(10,2) NOT NULL CHECK (price > 0)
);
COMMENT ON CONSTRAINT products_pkey ON products IS 'Surrogate key';
COMMENT ON CONSTRAINT products_price_check ON products IS 'Price can''t be zero or negative';
