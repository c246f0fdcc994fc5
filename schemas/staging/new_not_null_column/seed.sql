INSERT INTO order_line (product, quantity, unit_price) VALUES
    ('apple', 3, 0.50),
    ('pear', 2, 0.75),
    ('plum', 10, 0.20),
    ('fig', 1, 2.00);
