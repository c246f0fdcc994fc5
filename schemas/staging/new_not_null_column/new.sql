SELECT id, product, total FROM order_line ORDER BY id;
INSERT INTO order_line (product, quantity, unit_price, total) VALUES ('new-app', 2, 3.00, 5.50);
UPDATE order_line SET status = 'paid' WHERE product = 'fig';
