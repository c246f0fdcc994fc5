-- a nullable column with a constant default is added in one ADD COLUMN ... DEFAULT
CREATE TABLE posts (
    id integer PRIMARY KEY,
    title text NOT NULL,
    view_count integer DEFAULT 0
);
