-- unnamed unique constraints are added: users_email_key (single) and users_tenant_id_username_key (multi)
CREATE TABLE users (
    id integer PRIMARY KEY,
    email text NOT NULL UNIQUE,
    tenant_id integer NOT NULL,
    username text NOT NULL,
    UNIQUE (tenant_id, username)
);
