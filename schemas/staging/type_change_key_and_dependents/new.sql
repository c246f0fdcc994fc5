SELECT id, amount FROM big_invoice ORDER BY id;
INSERT INTO invoice (amount, client) VALUES (43.20, 'new-app');
UPDATE invoice SET note = 'checked' WHERE client = 'bob';
