INSERT INTO account (name, display_name) VALUES
    ('alice', 'Alice A.'),
    ('bob', NULL),
    ('carol', 'Carol C.'),
    ('dave', NULL),
    ('erin', NULL);
