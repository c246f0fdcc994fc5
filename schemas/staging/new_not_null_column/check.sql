SELECT count(*) = 0 FROM order_line WHERE total IS NULL;
-- the seeded rows got the backfill value and kept the rest
SELECT count(*) = 4 FROM order_line
 WHERE product IN ('apple', 'pear', 'plum', 'fig') AND total = quantity * unit_price;
SELECT count(*) = 1 FROM order_line WHERE product = 'pear' AND status = 'shipped';
SELECT count(*) = 1 FROM order_line WHERE product = 'fig' AND status = 'paid';
-- rows the old app inserted without the column got it
SELECT count(*) >= 1 AND bool_and(total = 5.00) FROM order_line WHERE product = 'old-app';
-- the new app's own value is not overwritten by the backfill
SELECT count(*) >= 1 AND bool_and(total = 5.50) FROM order_line WHERE product = 'new-app';
