SELECT count(*) = 1 FROM customer WHERE name = 'alice' AND city = 'Oslo';
SELECT count(*) = 1 FROM customer WHERE name = 'bob' AND city = 'Bern';
SELECT count(*) = 1 FROM customer WHERE name = 'carol' AND city IN ('Lima', 'Pune');
SELECT count(*) >= 1 AND bool_and(city = 'Quito') FROM customer WHERE name = 'old-app';
SELECT bool_and(city = 'Riga') IS NOT FALSE FROM customer WHERE name = 'new-app';
