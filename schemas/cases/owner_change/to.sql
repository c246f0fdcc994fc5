-- every kind that has an owner changes hands; the table's owner goes back to the role running
-- the plan
CREATE SCHEMA billing;
CREATE TYPE billing.state AS ENUM ('open', 'paid');
CREATE DOMAIN billing.amount AS numeric(12,2) CHECK (VALUE >= 0);
CREATE SEQUENCE billing.invoice_numbers;
CREATE TABLE billing.invoices (
    id bigint PRIMARY KEY,
    state billing.state NOT NULL,
    total billing.amount
);
CREATE VIEW billing.open_invoices AS SELECT id, total FROM billing.invoices WHERE state = 'open';
CREATE MATERIALIZED VIEW billing.totals AS SELECT state, sum(total) AS total FROM billing.invoices GROUP BY state;
CREATE FUNCTION billing.next_number() RETURNS bigint LANGUAGE sql AS $$ SELECT nextval('billing.invoice_numbers') $$;
CREATE PROCEDURE billing.close_all() LANGUAGE sql AS $$ UPDATE billing.invoices SET state = 'paid' $$;

ALTER SCHEMA billing OWNER TO app_admin;
ALTER TYPE billing.state OWNER TO app_admin;
ALTER DOMAIN billing.amount OWNER TO app_admin;
ALTER SEQUENCE billing.invoice_numbers OWNER TO app_admin;
ALTER TABLE billing.invoices OWNER TO CURRENT_USER;
ALTER VIEW billing.open_invoices OWNER TO app_admin;
ALTER MATERIALIZED VIEW billing.totals OWNER TO app_admin;
ALTER FUNCTION billing.next_number() OWNER TO app_admin;
ALTER PROCEDURE billing.close_all() OWNER TO app_admin;
