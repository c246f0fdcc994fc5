INSERT INTO events (id, at, payload) VALUES
    (1, '2026-01-01 12:00:00+00', '{"n": 1}'),
    (2, '2026-06-01 12:00:00+00', NULL);
