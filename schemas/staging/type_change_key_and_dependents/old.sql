SELECT id, amount FROM big_invoice ORDER BY id;
INSERT INTO invoice (amount, customer) VALUES ('42.10', 'old-app');
UPDATE invoice SET amount = '11.50' WHERE customer = 'ada';
SELECT count(*) FROM invoice WHERE amount = '250';
