-- text -> integer needs USING stock::integer, and the text default must be swapped for an integer one
CREATE TABLE products (
    id integer PRIMARY KEY,
    stock integer NOT NULL DEFAULT 0
);
