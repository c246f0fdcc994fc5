-- NOT NULL is added to existing columns with ALTER COLUMN ... SET NOT NULL
CREATE TABLE users (
    id integer PRIMARY KEY,
    email text NOT NULL,
    name text NOT NULL
);
