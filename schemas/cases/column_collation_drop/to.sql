-- an explicit collation is removed, going back to the database default
CREATE TABLE words (
    id integer PRIMARY KEY,
    word text NOT NULL
);
