SELECT id, name, city FROM customer ORDER BY id;
INSERT INTO customer (name, city) VALUES ('old-app', 'Quito');
UPDATE customer SET city = 'Bern' WHERE name = 'bob';
DELETE FROM customer WHERE name = 'nobody';
