INSERT INTO invoice (amount, customer, note) VALUES
    ('10.50', 'ada', NULL),
    ('250', 'bob', 'paid'),
    ('1000.25', 'cyd', NULL);
