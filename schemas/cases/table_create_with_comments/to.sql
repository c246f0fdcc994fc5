-- a new table's table, column, constraint and index comments are emitted after the CREATE TABLE
CREATE TABLE products (
    id integer PRIMARY KEY,
    sku text NOT NULL,
    price numeric(10,2) NOT NULL,
    CONSTRAINT products_price_positive CHECK (price > 0)
);
CREATE UNIQUE INDEX products_sku_key ON products (sku);

COMMENT ON TABLE products IS 'Catalog of sellable products';
COMMENT ON COLUMN products.sku IS 'Stock keeping unit';
COMMENT ON CONSTRAINT products_price_positive ON products IS 'Free products are not allowed';
COMMENT ON INDEX products_sku_key IS 'SKUs are unique';
