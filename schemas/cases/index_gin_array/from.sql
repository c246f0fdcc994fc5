CREATE TABLE articles (
    id integer PRIMARY KEY,
    tags text[] NOT NULL DEFAULT '{}'
);
