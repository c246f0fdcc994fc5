INSERT INTO measurement (city_id, logdate, peaktemp, region) VALUES
    (1, '2024-03-01', 12, 'north'),
    (2, '2024-07-15', 30, NULL),
    (3, '2024-12-31', NULL, NULL),
    (1, '2025-01-01', 5, NULL),
    (4, '2025-06-30', 25, 'south');
