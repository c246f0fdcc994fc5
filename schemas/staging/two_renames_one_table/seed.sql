INSERT INTO person (fname, lname, born) VALUES
    ('Ada', 'Lovelace', '1815-12-10'),
    ('Alan', 'Turing', '1912-06-23'),
    ('Grace', NULL, '1906-12-09');
