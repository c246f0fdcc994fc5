INSERT INTO account (code, active) VALUES
    ('ACC-1', true),
    ('ACC-2', true),
    ('ACC-3', false),
    ('hidden', true);
INSERT INTO transfer (account_ref, amount) VALUES
    ('ACC-1', 10.00),
    ('ACC-1', 2.50),
    ('ACC-2', 7.25);
