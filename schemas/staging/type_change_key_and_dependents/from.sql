CREATE TABLE invoice (
    id serial PRIMARY KEY,
    amount text NOT NULL CHECK (amount <> ''),
    customer text NOT NULL,
    note text
);
CREATE INDEX invoice_amount_idx ON invoice (amount) WHERE note IS NULL;
CREATE INDEX invoice_note_amount_idx ON invoice (note, amount DESC);
CREATE VIEW big_invoice AS SELECT id, amount FROM invoice WHERE length(amount) > 3;
ALTER TABLE invoice ENABLE ROW LEVEL SECURITY;
CREATE POLICY invoice_visible ON invoice USING (amount <> 'hidden');
