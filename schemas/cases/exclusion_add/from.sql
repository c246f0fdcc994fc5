CREATE TABLE bookings (
    id integer PRIMARY KEY,
    room_id integer NOT NULL,
    during tstzrange NOT NULL
);
