CREATE TABLE authors (id integer PRIMARY KEY);
CREATE TABLE books (
    id integer PRIMARY KEY,
    author_id integer REFERENCES authors (id),
    editor_id integer REFERENCES authors (id) ON DELETE CASCADE
);
