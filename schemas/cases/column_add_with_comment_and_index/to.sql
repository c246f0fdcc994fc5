-- an index and a comment on a brand-new column are created after the column is added
CREATE TABLE products (
    id integer PRIMARY KEY,
    name text NOT NULL,
    barcode varchar(14)
);
CREATE UNIQUE INDEX products_barcode_idx ON products (barcode) WHERE barcode IS NOT NULL;
COMMENT ON COLUMN products.barcode IS 'GTIN-14';
