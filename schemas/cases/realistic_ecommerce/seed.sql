-- categories stays empty: to.sql adds categories.slug NOT NULL without a default; the other
-- rows satisfy the checks to.sql adds and use no enum value it removes
INSERT INTO customers (id, email, full_name, phone, fax, created_at) VALUES
    (1, 'ann@example.com', 'Ann Smith', '0100', NULL, '2024-01-01 10:00:00'),
    (2, 'bob@example.com', 'Bob Jones', NULL, '0200', '2024-01-02 10:00:00');
INSERT INTO addresses (id, customer_id, line1, line2, city, postcode, country) VALUES
    (1, 1, '1 High Street', NULL, 'Leeds', 'LS1 1AA', 'GB'),
    (2, 2, '2 Low Road', 'Flat 3', 'York', 'YO1 2BB', 'FR');
INSERT INTO products (id, category_id, sku, name, price, stock) VALUES
    (1, NULL, 'MUG-1', 'Mug', 450, 10),
    (2, NULL, 'TEA-1', 'Tea', 300, 0);
INSERT INTO orders (id, customer_id, shipping_address_id, status, placed_at, notes) VALUES
    (1, 1, 1, 'paid', '2024-01-03 09:00:00', NULL),
    (2, 2, 2, 'cancelled', '2024-01-04 09:00:00', 'leave at the door');
INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES
    (1, 1, 2, 450),
    (1, 2, 1, 300),
    (2, 1, 1, 450);
INSERT INTO payments (id, order_id, method, amount, paid_at) VALUES
    (1, 1, 'card', 1200, '2024-01-03 09:05:00');
