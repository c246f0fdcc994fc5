CREATE TABLE accounts (
    id integer PRIMARY KEY
);
CREATE TABLE transfers (
    id integer PRIMARY KEY,
    account_id integer NOT NULL REFERENCES accounts (id)
);
