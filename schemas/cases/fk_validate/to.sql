-- a NOT VALID FK becomes valid: ALTER TABLE ... VALIDATE CONSTRAINT rather than drop and re-add
CREATE TABLE customers (id integer PRIMARY KEY);
CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer REFERENCES customers (id)
);
