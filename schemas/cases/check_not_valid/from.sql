CREATE TABLE readings (
    id integer PRIMARY KEY,
    celsius numeric(5,2)
);
