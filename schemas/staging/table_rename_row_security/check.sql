SELECT count(*) = 1 FROM client WHERE name = 'alice' AND city = 'Oslo';
SELECT count(*) = 1 FROM client WHERE name = 'bob' AND city = 'Bern';
SELECT count(*) = 1 FROM client WHERE name = 'carol' AND city = 'Pune';
SELECT count(*) >= 1 AND bool_and(city = 'Quito') FROM client WHERE name = 'old-app';
SELECT count(*) >= 1 AND bool_and(city = 'Riga') FROM client WHERE name = 'new-app';
-- the identity still hands out fresh keys
SELECT count(*) = count(DISTINCT id) FROM client;
