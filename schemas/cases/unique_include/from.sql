CREATE TABLE accounts (
    id integer PRIMARY KEY,
    login text NOT NULL,
    display_name text
);
