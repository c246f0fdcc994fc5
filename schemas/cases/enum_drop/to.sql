-- an enum is dropped after the column using it is dropped
CREATE TABLE tickets (
    id integer PRIMARY KEY,
    title text NOT NULL
);
