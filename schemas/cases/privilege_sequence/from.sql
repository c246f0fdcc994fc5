CREATE SEQUENCE invoice_number;
CREATE TABLE invoices (id serial PRIMARY KEY);
