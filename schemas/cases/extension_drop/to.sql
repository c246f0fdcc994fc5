-- an unused extension is dropped (its functions are not dropped one by one)
CREATE TABLE notes (
    id integer PRIMARY KEY,
    body text NOT NULL
);
