SELECT id, name, email FROM customer WHERE email IS NOT NULL ORDER BY id;
INSERT INTO customer (name, email) VALUES ('old-app', 'old@example.com');
UPDATE customer SET email = 'alice@old.example' WHERE name = 'alice';
