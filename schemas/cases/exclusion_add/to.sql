-- an exclusion constraint mixing = and && needs btree_gist, which is created first; generated name bookings_room_id_during_excl
CREATE EXTENSION btree_gist;

CREATE TABLE bookings (
    id integer PRIMARY KEY,
    room_id integer NOT NULL,
    during tstzrange NOT NULL,
    EXCLUDE USING gist (room_id WITH =, during WITH &&)
);
