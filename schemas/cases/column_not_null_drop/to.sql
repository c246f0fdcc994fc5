-- NOT NULL is removed with DROP NOT NULL; the default on phone is unchanged
CREATE TABLE users (
    id integer PRIMARY KEY,
    email text,
    phone text DEFAULT ''
);
