-- an FK to a unique (non-PK) column: the unique constraint must be created before the FK
CREATE TABLE currencies (
    id integer PRIMARY KEY,
    iso_code char(3) NOT NULL UNIQUE
);
CREATE TABLE prices (
    id integer PRIMARY KEY,
    currency char(3) NOT NULL REFERENCES currencies (iso_code),
    amount numeric(12,2) NOT NULL
);
