CREATE TABLE readings (
    id integer PRIMARY KEY,
    celsius numeric(5,2)
);
ALTER TABLE readings ADD CONSTRAINT readings_celsius_check CHECK (celsius > -273.15) NOT VALID;
