-- expect: validation-scan@4
SET lock_timeout = '5s';
ALTER TABLE orders
  ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
