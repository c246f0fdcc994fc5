SELECT count(*) = 3 FROM customer WHERE name IN ('alice', 'bob', 'carol c.');
SELECT count(*) >= 1 FROM customer WHERE name = 'old-app';
SELECT count(*) >= 1 FROM customer WHERE name = 'new-app';
SELECT count(*) >= 1 FROM note JOIN customer c ON c.id = note.customer_id WHERE c.name = 'alice';
