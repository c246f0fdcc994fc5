-- a referenced table (customers) is dropped while its referencing table stays: the FK is dropped first
CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer NOT NULL
);

CREATE TABLE order_notes (
    id integer PRIMARY KEY,
    order_id integer NOT NULL REFERENCES orders (id),
    body text
);
