CREATE TABLE customers (id integer PRIMARY KEY);
CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer
);
