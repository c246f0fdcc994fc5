CREATE TABLE orders (
    id integer PRIMARY KEY,
    a integer,
    b integer,
    c integer
);
CREATE INDEX orders_a_idx ON orders (a);
CREATE INDEX orders_b_idx ON orders (b);
CREATE INDEX orders_c_idx ON orders (c);
COMMENT ON INDEX orders_b_idx IS 'old';
COMMENT ON INDEX orders_c_idx IS 'going away';
