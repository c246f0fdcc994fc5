-- multi-schema SaaS backend, current state
CREATE SCHEMA auth;
CREATE SCHEMA billing;
CREATE EXTENSION citext;

CREATE TABLE auth.tenants (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE auth.users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES auth.tenants (id),
    email citext NOT NULL,
    password_hash text NOT NULL,
    UNIQUE (tenant_id, email)
);

CREATE TYPE billing.plan AS ENUM ('free', 'pro');

CREATE TABLE billing.subscriptions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES auth.tenants (id),
    plan billing.plan NOT NULL DEFAULT 'free',
    started_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON SCHEMA auth IS 'Identity';
