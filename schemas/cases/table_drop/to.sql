-- a table (with its index) that is absent from the desired state is dropped
CREATE TABLE customers (
    id integer PRIMARY KEY,
    email text NOT NULL UNIQUE
);
