CREATE TABLE reservations (
    id integer PRIMARY KEY,
    during tstzrange NOT NULL
);
