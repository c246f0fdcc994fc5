-- expect: data-loss@2 data-loss@3
UPDATE customers SET plan = 'free';
DELETE FROM sessions;
UPDATE customers SET plan = 'free' WHERE plan IS NULL;
DELETE FROM sessions WHERE expires_at < now();
