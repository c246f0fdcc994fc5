CREATE TABLE order_lines (
    id integer PRIMARY KEY,
    unit_price numeric(10,2) NOT NULL,
    quantity integer NOT NULL
);
