CREATE TABLE devices (
    id integer PRIMARY KEY,
    mac text
);
