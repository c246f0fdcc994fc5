-- a NOT VALID check becomes valid with VALIDATE CONSTRAINT (same name and expression)
CREATE TABLE readings (
    id integer PRIMARY KEY,
    celsius numeric(5,2) CHECK (celsius > -273.15)
);
