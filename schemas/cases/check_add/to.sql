-- unnamed checks get generated names: products_price_check (column) and products_check (multi-column)
CREATE TABLE products (
    id integer PRIMARY KEY,
    price numeric(10,2) NOT NULL CHECK (price > 0),
    discount numeric(10,2) NOT NULL DEFAULT 0,
    CHECK (discount <= price)
);
