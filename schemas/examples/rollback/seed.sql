-- rows for trying the rollback by hand (docs/rollback.md)
INSERT INTO customers (email, fax) VALUES ('ada@example.com', '+44 20 7946 0000'), ('grace@example.com', NULL);
INSERT INTO sessions VALUES ('5f0c6a3e-8d1b-4c2a-9e47-0a1b2c3d4e5f', 1, '2026-12-01 10:00+00');
INSERT INTO invoices (customer_id, amount) VALUES (1, 19.9950), (2, 5.0049);
