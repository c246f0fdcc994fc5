-- an unnamed FK is added to an existing column and gets the generated name books_author_id_fkey
CREATE TABLE authors (id integer PRIMARY KEY);
CREATE TABLE books (
    id integer PRIMARY KEY,
    author_id integer NOT NULL REFERENCES authors (id)
);
