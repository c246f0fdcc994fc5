-- numeric(10,2) -> numeric(12,4) and unconstrained numeric -> numeric(8,3) are type changes
CREATE TABLE rates (
    id integer PRIMARY KEY,
    rate numeric(12,4),
    factor numeric(8,3)
);
