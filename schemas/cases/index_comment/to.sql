-- index comments: added on orders_a_idx, changed on orders_b_idx, removed from orders_c_idx; also a comment on the PK index
CREATE TABLE orders (
    id integer PRIMARY KEY,
    a integer,
    b integer,
    c integer
);
CREATE INDEX orders_a_idx ON orders (a);
CREATE INDEX orders_b_idx ON orders (b);
CREATE INDEX orders_c_idx ON orders (c);
COMMENT ON INDEX orders_a_idx IS 'Supports lookups by a';
COMMENT ON INDEX orders_b_idx IS 'Supports the ''b'' report';
COMMENT ON INDEX orders_pkey IS 'Index behind the PK';
