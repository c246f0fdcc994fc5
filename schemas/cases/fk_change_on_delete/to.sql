-- FK actions change: NO ACTION -> ON DELETE SET NULL, CASCADE -> RESTRICT (drop and re-add, same names)
CREATE TABLE authors (id integer PRIMARY KEY);
CREATE TABLE books (
    id integer PRIMARY KEY,
    author_id integer REFERENCES authors (id) ON DELETE SET NULL,
    editor_id integer REFERENCES authors (id) ON DELETE RESTRICT
);
