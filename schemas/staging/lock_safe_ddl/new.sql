SELECT name, price FROM product WHERE price < 1 ORDER BY price;
INSERT INTO product (sku, name, price, category_id)
SELECT 'NEW-' || gen_random_uuid(), 'new-app', 3.00, id FROM category WHERE name = 'books';
UPDATE product SET price = 0.80 WHERE sku = 'F-2';
