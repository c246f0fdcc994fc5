CREATE TABLE products (
    id integer PRIMARY KEY,
    price numeric(10,2) NOT NULL,
    CONSTRAINT price_range CHECK (price > 0)
);
COMMENT ON CONSTRAINT price_range ON products IS 'Sane prices only';
