SELECT id, name, city FROM client ORDER BY id;
INSERT INTO client (name, city) VALUES ('new-app', 'Riga');
UPDATE client SET city = 'Pune' WHERE name = 'carol';
