-- a referenced PK and its referencing FK column both change integer -> bigint
CREATE TABLE accounts (
    id bigint PRIMARY KEY
);
CREATE TABLE transfers (
    id integer PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id)
);
