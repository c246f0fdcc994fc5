-- a commented check is recreated (expression changed); the unchanged comment must be re-applied after re-adding
CREATE TABLE products (
    id integer PRIMARY KEY,
    price numeric(10,2) NOT NULL,
    CONSTRAINT price_range CHECK (price > 0 AND price <= 1000000)
);
COMMENT ON CONSTRAINT price_range ON products IS 'Sane prices only';
