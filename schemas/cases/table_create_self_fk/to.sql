-- a new table with a self-referencing FK (tree of categories)
CREATE TABLE categories (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id integer REFERENCES categories (id) ON DELETE CASCADE,
    name text NOT NULL,
    UNIQUE (parent_id, name)
);
