SELECT count(*) = 1 FROM customer WHERE name = 'alice' AND email_address = 'alice@old.example';
SELECT count(*) = 1 FROM customer WHERE name = 'bob' AND email_address = 'bob@new.example';
SELECT count(*) = 1 FROM customer WHERE name = 'carol' AND email_address IS NULL;
SELECT count(*) = 1 FROM customer WHERE name = 'dave' AND email_address = 'dave@example.com';
SELECT count(*) >= 1 AND bool_and(email_address = 'old@example.com') FROM customer WHERE name = 'old-app';
SELECT count(*) >= 1 AND bool_and(email_address = 'new@example.com') FROM customer WHERE name = 'new-app';
