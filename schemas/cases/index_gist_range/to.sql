-- a GiST index on a range column
CREATE TABLE reservations (
    id integer PRIMARY KEY,
    during tstzrange NOT NULL
);
CREATE INDEX reservations_during_idx ON reservations USING gist (during);
