INSERT INTO event (kind, counter) VALUES
    ('click', 1),
    ('view', 2147483647),
    ('scroll', -5),
    ('idle', 0);
