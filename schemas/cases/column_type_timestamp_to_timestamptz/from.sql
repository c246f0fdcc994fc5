CREATE TABLE logins (
    id integer PRIMARY KEY,
    logged_in_at timestamp NOT NULL DEFAULT now()
);
