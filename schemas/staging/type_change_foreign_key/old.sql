INSERT INTO transfer (account_id, quantity) VALUES (3, 7);
UPDATE transfer SET quantity = 6 WHERE quantity = 5;
SELECT t.id, a.name FROM transfer t JOIN account a ON a.id = t.account_id;
