-- a column declared between existing columns is still added with ADD COLUMN (it lands at the end)
CREATE TABLE people (
    id integer PRIMARY KEY,
    first_name text,
    last_name text NOT NULL
);
