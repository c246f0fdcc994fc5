SELECT p.name, c.name FROM product p LEFT JOIN category c ON c.id = p.category_id WHERE p.name = 'apple';
INSERT INTO product (sku, name, price, category_id)
SELECT 'OLD-' || gen_random_uuid(), 'old-app', 2.00, id FROM category WHERE name = 'tools';
UPDATE product SET price = 0.55 WHERE sku = 'F-1';
