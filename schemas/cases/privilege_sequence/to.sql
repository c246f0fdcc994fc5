-- sequence grants, on a standalone and on a serial sequence
CREATE SEQUENCE invoice_number;
CREATE TABLE invoices (id serial PRIMARY KEY);

GRANT USAGE, SELECT ON SEQUENCE invoice_number TO app_writer;
GRANT UPDATE ON invoice_number TO app_admin;
GRANT USAGE ON SEQUENCE invoices_id_seq TO app_writer;
