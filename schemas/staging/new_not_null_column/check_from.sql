SELECT count(*) = 1 FROM order_line WHERE product = 'apple' AND quantity = 3 AND unit_price = 0.50 AND status = 'open';
SELECT count(*) = 1 FROM order_line WHERE product = 'pear' AND quantity = 2 AND unit_price = 0.75 AND status = 'shipped';
SELECT count(*) = 1 FROM order_line WHERE product = 'plum' AND quantity = 10 AND unit_price = 0.20 AND status = 'open';
SELECT count(*) = 1 FROM order_line WHERE product = 'fig' AND quantity = 1 AND unit_price = 2.00;
SELECT count(*) >= 1 AND bool_and(quantity = 4 AND unit_price = 1.25) FROM order_line WHERE product = 'old-app';
