-- an unnamed primary key is added and gets the generated name tags_pkey
CREATE TABLE tags (
    id integer PRIMARY KEY,
    name text NOT NULL
);
