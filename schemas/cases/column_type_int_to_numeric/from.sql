CREATE TABLE invoices (
    id integer PRIMARY KEY,
    amount integer NOT NULL CHECK (amount >= 0)
);
