SELECT id, ref FROM active_account ORDER BY id;
SELECT id FROM account WHERE lower(account_code) = 'acc-1';
INSERT INTO account (account_code) VALUES ('NEW-' || gen_random_uuid());
INSERT INTO transfer (account_ref, amount)
SELECT account_code, 2.00 FROM account WHERE account_code LIKE 'NEW-%' ORDER BY id DESC LIMIT 1;
