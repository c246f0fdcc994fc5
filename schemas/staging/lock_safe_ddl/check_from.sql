SELECT count(*) = 1 FROM product WHERE sku = 'F-1' AND name = 'apple' AND price = 0.55;
SELECT count(*) = 1 FROM product WHERE sku = 'F-2' AND price IN (0.75, 0.80);
SELECT count(*) = 1 FROM product p JOIN category c ON c.id = p.category_id WHERE p.sku = 'T-1' AND c.name = 'tools' AND p.price = 12.00;
SELECT count(*) = 1 FROM product WHERE sku = 'X-1' AND category_id IS NULL;
SELECT count(*) >= 1 FROM product WHERE name = 'old-app';
SELECT bool_and(indisvalid) FROM pg_index WHERE indrelid = 'product'::regclass;
