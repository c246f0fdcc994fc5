SELECT count(*) = 3 FROM customer WHERE name IN ('alice', 'bob', 'carol c.');
SELECT count(*) >= 1 FROM customer WHERE name = 'old-app';
