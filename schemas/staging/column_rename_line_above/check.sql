SELECT count(*) = 1 FROM customer WHERE name = 'alice' AND email_address = 'alice@example.com';
SELECT count(*) = 1 FROM customer WHERE name = 'bob' AND email_address = 'bob@new.example';
SELECT count(*) = 1 FROM customer WHERE name = 'carol' AND email_address = 'carol@old.example';
SELECT count(*) >= 1 AND bool_and(email_address LIKE 'old-%@example.com') FROM customer WHERE name = 'old-app';
SELECT count(*) >= 1 AND bool_and(email_address LIKE 'new-%@example.com') FROM customer WHERE name = 'new-app';
-- the unique constraint holds on the new column
SELECT count(*) = count(DISTINCT email_address) FROM customer;
