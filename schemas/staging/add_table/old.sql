SELECT id, name FROM customer ORDER BY id;
INSERT INTO customer (name) VALUES ('old-app');
UPDATE customer SET name = 'carol c.' WHERE name = 'carol';
