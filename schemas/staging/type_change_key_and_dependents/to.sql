-- pins a serial key going integer to bigint, and text to numeric on a column that a check,
-- a partial and a two-column index, a view and a policy read, beside a rename in the table
CREATE TABLE invoice (
    id bigserial PRIMARY KEY,
    amount numeric(12,2) NOT NULL CHECK (amount <> 0),
    client text NOT NULL, -- schemadiff:renamed-from customer
    note text
);
CREATE INDEX invoice_amount_idx ON invoice (amount) WHERE note IS NULL;
CREATE INDEX invoice_note_amount_idx ON invoice (note, amount DESC);
CREATE VIEW big_invoice AS SELECT id, amount FROM invoice WHERE amount > 100;
ALTER TABLE invoice ENABLE ROW LEVEL SECURITY;
CREATE POLICY invoice_visible ON invoice USING (amount <> 13);
