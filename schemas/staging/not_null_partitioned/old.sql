SELECT city_id, logdate, coalesce(region, '?') FROM measurement ORDER BY logdate;
INSERT INTO measurement (city_id, logdate, peaktemp) VALUES (7, '2024-05-05', 18);
INSERT INTO measurement (city_id, logdate, peaktemp, region) VALUES (8, '2025-05-05', 19, NULL);
UPDATE measurement SET peaktemp = 31 WHERE city_id = 2;
