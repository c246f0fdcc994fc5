CREATE TABLE price_periods (
    id integer PRIMARY KEY,
    valid daterange NOT NULL,
    price numeric(10,2) NOT NULL
);
