-- a unique index with NULLS NOT DISTINCT (an index, not a constraint) is created
CREATE TABLE devices (
    id integer PRIMARY KEY,
    mac text
);
CREATE UNIQUE INDEX devices_mac_uniq ON devices (mac) NULLS NOT DISTINCT;
