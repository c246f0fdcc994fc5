SELECT count(*) = 4 FROM account WHERE account_code IN ('ACC-1', 'ACC-2', 'ACC-3', 'hidden');
SELECT count(*) = 1 FROM account WHERE account_code = 'ACC-2' AND NOT active;
-- every transfer still points at its account
SELECT count(*) = 0 FROM transfer t WHERE NOT EXISTS (SELECT FROM account a WHERE a.account_code = t.account_ref);
SELECT count(*) = 3 FROM transfer WHERE account_ref IN ('ACC-1', 'ACC-2');
SELECT count(*) >= 1 FROM transfer WHERE account_ref LIKE 'OLD-%' AND amount = 1.00;
SELECT count(*) >= 1 FROM transfer WHERE account_ref LIKE 'NEW-%' AND amount = 2.00;
-- the view reads the renamed column
SELECT count(*) = 1 FROM active_account WHERE ref = 'ACC-1';
SELECT count(*) >= 1 FROM active_account WHERE ref LIKE 'NEW-%';
