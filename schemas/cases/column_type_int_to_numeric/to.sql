-- integer -> numeric(12,2) with an unchanged check constraint on the column
CREATE TABLE invoices (
    id integer PRIMARY KEY,
    amount numeric(12,2) NOT NULL CHECK (amount >= 0)
);
