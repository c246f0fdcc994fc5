-- expect: breaks-application@3 breaks-application@4
SET lock_timeout = '5s';
ALTER TABLE customers RENAME COLUMN name TO full_name;
ALTER TABLE orders RENAME TO purchases;
