CREATE TABLE devices (
    id integer PRIMARY KEY,
    owner_id integer,
    serial text,
    UNIQUE (owner_id, serial)
);
