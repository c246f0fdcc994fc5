-- varchar(n) and unbounded varchar become text; the index on the column survives
CREATE TABLE articles (
    id integer PRIMARY KEY,
    title text NOT NULL,
    body text
);
CREATE INDEX articles_title_idx ON articles (title);
