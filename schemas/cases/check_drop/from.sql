CREATE TABLE products (
    id integer PRIMARY KEY,
    price numeric(10,2) NOT NULL CHECK (price > 0),
    stock integer NOT NULL CONSTRAINT stock_non_negative CHECK (stock >= 0)
);
