-- expect: access-exclusive-lock@3
SET lock_timeout = '5s';
DROP INDEX orders_created_at_idx;
DROP INDEX CONCURRENTLY orders_status_idx;
