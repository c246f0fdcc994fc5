SELECT count(*) = 1 FROM customer WHERE name = 'alice' AND email = 'alice@old.example';
-- the new app's update reached the old column where the new app ran before the rollback
SELECT count(*) = 1 FROM customer WHERE name = 'bob' AND email IN ('bob@example.com', 'bob@new.example');
SELECT count(*) = 1 FROM customer WHERE name = 'carol' AND email IS NULL;
SELECT count(*) = 1 FROM customer WHERE name = 'dave' AND email = 'dave@example.com';
SELECT count(*) >= 1 AND bool_and(email = 'old@example.com') FROM customer WHERE name = 'old-app';
-- rows the new app wrote (after backfill or contract) have their value in the old column
SELECT bool_and(email = 'new@example.com') IS NOT FALSE FROM customer WHERE name = 'new-app';
