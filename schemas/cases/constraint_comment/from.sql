CREATE TABLE products (
    id integer PRIMARY KEY,
    sku text NOT NULL UNIQUE,
    price numeric(10,2) NOT NULL CHECK (price > 0)
);
COMMENT ON CONSTRAINT products_sku_key ON products IS 'SKU is unique';
COMMENT ON CONSTRAINT products_price_check ON products IS 'Positive price';
