SELECT id, name FROM customer WHERE lower(email_address) = 'alice@example.com';
INSERT INTO customer (name, email_address) VALUES ('new-app', 'new-' || gen_random_uuid() || '@example.com');
UPDATE customer SET email_address = 'bob@new.example' WHERE name = 'bob';
