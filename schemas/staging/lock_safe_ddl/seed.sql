INSERT INTO category (name) VALUES ('fruit'), ('tools'), ('books');
INSERT INTO product (sku, name, price, category_id)
SELECT s.sku, s.name, s.price, c.id
FROM (VALUES
    ('F-1', 'apple', 0.50, 'fruit'),
    ('F-2', 'pear', 0.75, 'fruit'),
    ('T-1', 'hammer', 12.00, 'tools'),
    ('B-1', 'atlas', 30.00, 'books'),
    ('X-1', 'mystery', 1.00, NULL)
) AS s (sku, name, price, category)
LEFT JOIN category c ON c.name = s.category;
