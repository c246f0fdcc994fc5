-- every partition gets rows; logs_mar's fit the bound it is attached with
INSERT INTO logs (id, day, line) VALUES
    (1, '2026-01-10', 'jan'),
    (2, '2026-02-10', 'feb'),
    (3, '2024-05-01', 'old');
INSERT INTO logs_mar (id, day, line) VALUES (4, '2026-03-20', 'mar'), (5, '2026-03-31', NULL);
