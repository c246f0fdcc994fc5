SELECT format_type(atttypid, atttypmod) = 'numeric(12,2)' FROM pg_attribute
 WHERE attrelid = 'invoice'::regclass AND attname = 'amount';
SELECT format_type(atttypid, atttypmod) = 'bigint' FROM pg_attribute
 WHERE attrelid = 'invoice'::regclass AND attname = 'id';
SELECT count(*) = 1 FROM invoice WHERE client = 'ada' AND amount = 11.50;
SELECT count(*) = 1 FROM invoice WHERE client = 'cyd' AND amount = 1000.25;
SELECT count(*) >= 1 AND bool_and(amount = 42.10) FROM invoice WHERE client = 'old-app';
SELECT count(*) >= 1 AND bool_and(amount = 43.20) FROM invoice WHERE client = 'new-app';
SELECT count(*) = 1 FROM invoice WHERE client = 'bob' AND note = 'checked';
-- the serial keeps counting on the new key
SELECT max(id) < nextval('invoice_id_seq') FROM invoice;
SELECT count(*) = 1 FROM pg_index WHERE indexrelid = 'invoice_amount_idx'::regclass AND indisvalid;
SELECT count(*) = 1 FROM pg_index WHERE indexrelid = 'invoice_pkey'::regclass AND indisprimary;
