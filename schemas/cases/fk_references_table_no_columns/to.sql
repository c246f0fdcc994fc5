-- REFERENCES customers without a column list targets the PK; the result is the same as REFERENCES customers (id)
CREATE TABLE customers (id integer PRIMARY KEY);
CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer REFERENCES customers
);
