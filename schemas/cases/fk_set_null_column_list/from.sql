CREATE TABLE tenants (id integer PRIMARY KEY);
CREATE TABLE users (
    tenant_id integer NOT NULL REFERENCES tenants (id),
    id integer NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE TABLE posts (
    tenant_id integer NOT NULL REFERENCES tenants (id),
    id integer NOT NULL,
    author_id integer,
    PRIMARY KEY (tenant_id, id)
);
