SELECT count(*) = 1 FROM invoice WHERE customer = 'ada' AND amount = '11.50';
SELECT count(*) = 1 FROM invoice WHERE customer = 'cyd' AND amount = '1000.25';
SELECT count(*) >= 1 AND bool_and(amount = '42.10') FROM invoice WHERE customer = 'old-app';
SELECT bool_and(amount = '43.20') IS NOT FALSE FROM invoice WHERE customer = 'new-app';
SELECT max(id) < nextval('invoice_id_seq') FROM invoice;
SELECT format_type(atttypid, atttypmod) = 'integer' FROM pg_attribute
 WHERE attrelid = 'invoice'::regclass AND attname = 'id';
