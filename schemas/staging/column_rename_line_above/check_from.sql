SELECT count(*) = 1 FROM customer WHERE name = 'alice' AND email = 'alice@example.com';
SELECT count(*) = 1 FROM customer WHERE name = 'bob' AND email IN ('bob@example.com', 'bob@new.example');
SELECT count(*) = 1 FROM customer WHERE name = 'carol' AND email = 'carol@old.example';
SELECT count(*) >= 1 AND bool_and(email LIKE 'old-%@example.com') FROM customer WHERE name = 'old-app';
SELECT bool_and(email LIKE 'new-%@example.com') IS NOT FALSE FROM customer WHERE name = 'new-app';
