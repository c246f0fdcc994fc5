-- multi-schema change set: new schema, enum value in a non-public schema, cross-schema FKs, exclusion constraint, sequence-backed column, comments on schemas
CREATE SCHEMA auth;
CREATE SCHEMA billing;
CREATE SCHEMA audit;
CREATE EXTENSION citext;
CREATE EXTENSION btree_gist;

CREATE TABLE auth.tenants (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]+$'),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE auth.users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES auth.tenants (id) ON DELETE CASCADE,
    email citext NOT NULL,
    password_hash text,
    last_login_at timestamptz,
    UNIQUE (tenant_id, email)
);

CREATE TYPE billing.plan AS ENUM ('free', 'starter', 'pro', 'enterprise');

CREATE SEQUENCE billing.invoice_number_seq START WITH 100000;

CREATE TABLE billing.subscriptions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES auth.tenants (id) ON DELETE CASCADE,
    plan billing.plan NOT NULL DEFAULT 'free',
    active_during tstzrange NOT NULL DEFAULT tstzrange(now(), NULL),
    EXCLUDE USING gist (tenant_id WITH =, active_during WITH &&)
);

CREATE TABLE billing.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number bigint NOT NULL UNIQUE DEFAULT nextval('billing.invoice_number_seq'),
    subscription_id bigint NOT NULL REFERENCES billing.subscriptions (id),
    amount numeric(12,2) NOT NULL CHECK (amount >= 0),
    issued_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit.log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid REFERENCES auth.tenants (id) ON DELETE SET NULL,
    actor_id uuid REFERENCES auth.users (id) ON DELETE SET NULL,
    action text NOT NULL,
    details jsonb NOT NULL DEFAULT '{}',
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON audit.log (tenant_id, at DESC);
CREATE INDEX ON audit.log USING brin (at);

COMMENT ON SCHEMA auth IS 'Identity and access';
COMMENT ON SCHEMA billing IS 'Plans, subscriptions and invoices';
COMMENT ON SCHEMA audit IS 'Append-only audit trail';
