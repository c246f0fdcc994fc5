-- a generated column's expression changes (drop and re-add in PG 15); its index must be recreated too
CREATE TABLE order_lines (
    id integer PRIMARY KEY,
    unit_price numeric(10,2) NOT NULL,
    quantity integer NOT NULL,
    discount numeric(10,2) NOT NULL DEFAULT 0,
    line_total numeric(12,2) GENERATED ALWAYS AS (unit_price * quantity - discount) STORED
);
CREATE INDEX order_lines_total_idx ON order_lines (line_total);
