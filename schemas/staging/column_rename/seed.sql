INSERT INTO customer (name, email) VALUES
    ('alice', 'alice@example.com'),
    ('bob', 'bob@example.com'),
    ('carol', NULL),
    ('dave', 'dave@example.com');
