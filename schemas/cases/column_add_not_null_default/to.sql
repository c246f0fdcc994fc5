-- a NOT NULL column with a default is added in one statement so existing rows get the default
CREATE TABLE posts (
    id integer PRIMARY KEY,
    title text NOT NULL,
    published boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
);
