SELECT count(*) = 4 FROM account WHERE code IN ('ACC-1', 'ACC-2', 'ACC-3', 'hidden');
SELECT count(*) = 1 FROM account WHERE code = 'ACC-2' AND NOT active;
SELECT count(*) = 0 FROM transfer t WHERE NOT EXISTS (SELECT FROM account a WHERE a.code = t.account_ref);
SELECT count(*) = 3 FROM transfer WHERE account_ref IN ('ACC-1', 'ACC-2');
SELECT count(*) >= 1 FROM transfer WHERE account_ref LIKE 'OLD-%' AND amount = 1.00;
SELECT count(*) = 1 FROM active_account WHERE ref = 'ACC-1';
SELECT count(*) >= 1 FROM active_account WHERE ref LIKE 'OLD-%';
