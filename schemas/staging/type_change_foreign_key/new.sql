INSERT INTO transfer (account_id, quantity) VALUES (1, 300);
SELECT sum(quantity) FROM transfer WHERE account_id = 1;
