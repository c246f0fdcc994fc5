CREATE EXTENSION btree_gist;

CREATE TABLE bookings (
    id integer PRIMARY KEY,
    room_id integer NOT NULL,
    during tsrange NOT NULL,
    cancelled boolean NOT NULL DEFAULT false,
    CONSTRAINT no_double_booking EXCLUDE USING gist (room_id WITH =, during WITH &&)
);
