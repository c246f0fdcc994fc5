-- an exclusion constraint is dropped; btree_gist stays because the desired state still declares it
CREATE EXTENSION btree_gist;

CREATE TABLE bookings (
    id integer PRIMARY KEY,
    room_id integer NOT NULL,
    during tstzrange NOT NULL
);
