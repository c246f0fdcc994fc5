CREATE EXTENSION btree_gist;

CREATE TABLE bookings (
    id integer PRIMARY KEY,
    room_id integer NOT NULL,
    during tstzrange NOT NULL,
    CONSTRAINT no_double_booking EXCLUDE USING gist (room_id WITH =, during WITH &&)
);
