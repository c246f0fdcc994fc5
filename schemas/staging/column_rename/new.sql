SELECT id, name, email_address FROM customer WHERE email_address IS NOT NULL ORDER BY id;
INSERT INTO customer (name, email_address) VALUES ('new-app', 'new@example.com');
UPDATE customer SET email_address = 'bob@new.example' WHERE name = 'bob';
