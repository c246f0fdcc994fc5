-- rows in the range of the partition
INSERT INTO documents (id, body, summary, payload, amount, code) VALUES
    (1, repeat('long body ', 500), 'short', '{"a": 1}', 12.5, 'C-1'),
    (2, NULL, NULL, NULL, NULL, NULL);
INSERT INTO logs (id, at, line) VALUES (1, '2026-03-01', repeat('line ', 1000));
