-- a new column with a self-referencing FK is added to an existing table
CREATE TABLE employees (
    id integer PRIMARY KEY,
    name text NOT NULL,
    manager_id integer REFERENCES employees (id)
);
