SELECT region, count(*) FROM measurement GROUP BY region ORDER BY region;
INSERT INTO measurement (city_id, logdate, peaktemp, region) VALUES (9, '2025-09-09', 20, 'west');
