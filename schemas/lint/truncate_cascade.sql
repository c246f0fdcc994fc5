-- expect: data-loss@3
SET lock_timeout = '5s';
TRUNCATE customers CASCADE;
