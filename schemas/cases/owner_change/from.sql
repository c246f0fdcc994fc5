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

ALTER TABLE billing.invoices OWNER TO app_writer;
ALTER VIEW billing.open_invoices OWNER TO app_reader;
