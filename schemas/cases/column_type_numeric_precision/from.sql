CREATE TABLE rates (
    id integer PRIMARY KEY,
    rate numeric(10,2),
    factor numeric
);
