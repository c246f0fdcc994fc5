SELECT id, product, quantity * unit_price FROM order_line ORDER BY id;
INSERT INTO order_line (product, quantity, unit_price) VALUES ('old-app', 4, 1.25);
UPDATE order_line SET status = 'shipped' WHERE product = 'pear';
