CREATE TABLE currencies (
    id integer PRIMARY KEY,
    iso_code char(3) NOT NULL
);
CREATE TABLE prices (
    id integer PRIMARY KEY,
    currency char(3) NOT NULL,
    amount numeric(12,2) NOT NULL
);
