INSERT INTO customer (name, city) VALUES
    ('alice', 'Oslo'),
    ('bob', NULL),
    ('carol', 'Lima');
