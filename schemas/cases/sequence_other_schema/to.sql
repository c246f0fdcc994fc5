-- a sequence in a non-public schema is created and used as a default by a public table
CREATE SCHEMA billing;

CREATE SEQUENCE billing.invoice_no_seq START WITH 5000 INCREMENT BY 5;

CREATE TABLE invoices (
    id integer PRIMARY KEY,
    invoice_no bigint NOT NULL UNIQUE DEFAULT nextval('billing.invoice_no_seq')
);
