-- a new schema is created before the tables inside it, including one with an FK back to public
CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE
);

CREATE SCHEMA billing;

CREATE TABLE billing.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES public.accounts (id),
    total_cents integer NOT NULL DEFAULT 0
);

CREATE TABLE billing.invoice_lines (
    invoice_id bigint NOT NULL REFERENCES billing.invoices (id) ON DELETE CASCADE,
    line_no integer NOT NULL,
    description text NOT NULL,
    amount_cents integer NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
);
