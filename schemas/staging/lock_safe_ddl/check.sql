SELECT count(*) = 5 FROM product WHERE sku IN ('F-1', 'F-2', 'T-1', 'B-1', 'X-1');
SELECT count(*) = 1 FROM product WHERE sku = 'F-1' AND price = 0.55;
SELECT count(*) = 1 FROM product WHERE sku = 'F-2' AND price = 0.80;
SELECT count(*) >= 1 FROM product WHERE name = 'old-app';
SELECT count(*) >= 1 FROM product WHERE name = 'new-app';
-- the constraints are in force (validated), not merely NOT VALID
SELECT bool_and(convalidated) FROM pg_constraint WHERE conrelid = 'product'::regclass;
-- and the new indexes are valid (a failed CREATE INDEX CONCURRENTLY leaves an invalid one)
SELECT bool_and(indisvalid) FROM pg_index WHERE indrelid = 'product'::regclass;
