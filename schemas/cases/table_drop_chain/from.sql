CREATE TABLE authors (id integer PRIMARY KEY);
CREATE TABLE books (id integer PRIMARY KEY, author_id integer REFERENCES authors (id));
CREATE TABLE chapters (id integer PRIMARY KEY, book_id integer REFERENCES books (id));
CREATE TABLE readers (id integer PRIMARY KEY);
