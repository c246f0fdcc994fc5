SELECT count(*) = 1 FROM transfer WHERE account_id = 1 AND quantity = 6;
SELECT count(*) = 1 FROM transfer WHERE account_id = 2 AND quantity IS NULL;
SELECT count(*) >= 1 AND bool_and(quantity = 7) FROM transfer WHERE account_id = 3;
SELECT format_type(atttypid, atttypmod) = 'integer' FROM pg_attribute
 WHERE attrelid = 'transfer'::regclass AND attname = 'account_id';
