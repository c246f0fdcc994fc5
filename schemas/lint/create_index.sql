-- expect: blocking-index-build@3
SET lock_timeout = '5s';
CREATE INDEX orders_created_at_idx ON orders (created_at);
