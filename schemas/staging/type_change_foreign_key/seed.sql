INSERT INTO account (name) VALUES ('ada'), ('bob'), ('cyd');
INSERT INTO transfer (account_id, quantity) VALUES (1, 5), (2, NULL), (2, 32000);
