-- a multi-column unique index (not a constraint) is created
CREATE TABLE users (
    id integer PRIMARY KEY,
    tenant_id integer NOT NULL,
    email text NOT NULL
);
CREATE UNIQUE INDEX users_tenant_email_uidx ON users (tenant_id, email);
