-- a GIN index on a text[] column
CREATE TABLE articles (
    id integer PRIMARY KEY,
    tags text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX articles_tags_idx ON articles USING gin (tags);
