CREATE TABLE users (
    id integer PRIMARY KEY,
    email text NOT NULL,
    tenant_id integer NOT NULL,
    username text NOT NULL
);
