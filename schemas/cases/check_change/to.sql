-- a check keeps its name but its expression changes, so it is dropped and re-added
CREATE TABLE products (
    id integer PRIMARY KEY,
    price numeric(10,2) NOT NULL,
    CONSTRAINT price_positive CHECK (price > 0 AND price < 100000)
);
