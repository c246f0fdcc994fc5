SELECT id, ref FROM active_account ORDER BY id;
SELECT id FROM account WHERE lower(code) = 'acc-2';
INSERT INTO account (code) VALUES ('OLD-' || gen_random_uuid());
INSERT INTO transfer (account_ref, amount)
SELECT code, 1.00 FROM account WHERE code LIKE 'OLD-%' ORDER BY id DESC LIMIT 1;
UPDATE account SET active = false WHERE code = 'ACC-2';
