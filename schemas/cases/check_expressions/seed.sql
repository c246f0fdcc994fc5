-- rows that the checks to.sql adds accept
INSERT INTO shipments (id, status, weight_kg, tracking_code, carrier, shipped_at, delivered_at, created_at) VALUES
    (1, 'pending', 1.5, NULL, NULL, NULL, NULL, '2024-01-01 12:00:00+00'),
    (2, 'shipped', 0.25, 'TRK-2', 'dhl', '2024-01-02 12:00:00+00', NULL, '2024-01-02 10:00:00+00'),
    (3, 'delivered', NULL, 'TRK-3', 'ups', '2024-01-03 12:00:00+00', '2024-01-04 12:00:00+00', '2024-01-03 10:00:00+00');
