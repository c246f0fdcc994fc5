-- expect: table-rewrite@4
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN note text DEFAULT 'none';
ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
