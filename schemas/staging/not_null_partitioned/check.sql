SELECT count(*) = 0 FROM measurement WHERE region IS NULL;
SELECT count(*) = 1 FROM measurement WHERE city_id = 1 AND logdate = '2024-03-01' AND region = 'north';
SELECT count(*) = 1 FROM measurement WHERE city_id = 4 AND region = 'south';
SELECT count(*) = 1 FROM measurement WHERE city_id = 2 AND region = 'city-2' AND peaktemp = 31;
SELECT count(*) = 1 FROM measurement WHERE city_id = 3 AND region = 'city-3';
SELECT count(*) = 1 FROM measurement WHERE city_id = 1 AND logdate = '2025-01-01' AND region = 'city-1';
SELECT count(*) >= 1 AND bool_and(region = 'city-7') FROM measurement_2024 WHERE city_id = 7;
SELECT count(*) >= 1 AND bool_and(region = 'city-8') FROM measurement_2025 WHERE city_id = 8;
SELECT count(*) >= 1 FROM measurement WHERE city_id = 9 AND region = 'west';
-- both partitions carry the NOT NULL
SELECT bool_and(a.attnotnull) FROM pg_attribute a
 WHERE a.attrelid IN ('measurement_2024'::regclass, 'measurement_2025'::regclass) AND a.attname = 'region';
