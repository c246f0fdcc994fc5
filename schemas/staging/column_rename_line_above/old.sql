SELECT id, name FROM customer WHERE lower(email) = 'alice@example.com';
INSERT INTO customer (name, email) VALUES ('old-app', 'old-' || gen_random_uuid() || '@example.com');
UPDATE customer SET email = 'carol@old.example' WHERE name = 'carol';
