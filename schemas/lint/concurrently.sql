-- expect: nothing
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);
DROP INDEX CONCURRENTLY IF EXISTS orders_old_idx;
