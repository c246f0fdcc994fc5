-- a unique constraint with INCLUDE columns is added
CREATE TABLE accounts (
    id integer PRIMARY KEY,
    login text NOT NULL,
    display_name text,
    CONSTRAINT accounts_login_key UNIQUE (login) INCLUDE (display_name)
);
