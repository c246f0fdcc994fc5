SELECT count(*) = 1 FROM measurement WHERE city_id = 1 AND logdate = '2024-03-01' AND region = 'north';
SELECT count(*) = 1 FROM measurement WHERE city_id = 4 AND region = 'south';
SELECT count(*) = 1 FROM measurement WHERE city_id = 2 AND peaktemp = 31;
-- the rollback makes the column nullable again and keeps the values the backfill gave
SELECT count(*) = 3 FROM measurement
 WHERE (city_id, logdate) IN ((2, '2024-07-15'), (3, '2024-12-31'), (1, '2025-01-01'));
SELECT count(*) >= 1 FROM measurement_2024 WHERE city_id = 7;
SELECT count(*) >= 1 FROM measurement_2025 WHERE city_id = 8;
