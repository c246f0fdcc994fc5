SELECT format_type(atttypid, atttypmod) = 'bigint' FROM pg_attribute
 WHERE attrelid = 'transfer'::regclass AND attname = 'account_id';
SELECT count(*) = 1 FROM transfer WHERE account_id = 1 AND quantity = 6;
SELECT count(*) = 1 FROM transfer WHERE account_id = 2 AND quantity IS NULL;
SELECT count(*) >= 1 AND bool_and(quantity = 7) FROM transfer WHERE account_id = 3;
SELECT count(*) >= 1 FROM transfer WHERE quantity = 300;
-- the foreign key still holds, and is valid
SELECT count(*) = 1 FROM pg_constraint WHERE conname = 'transfer_account_id_fkey' AND convalidated;
SELECT count(*) = 1 FROM pg_constraint WHERE conname = 'transfer_quantity_check' AND convalidated;
