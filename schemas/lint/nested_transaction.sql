-- expect: nested-transaction@5
BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE customers ADD COLUMN bio text;
BEGIN;
ALTER TABLE customers ADD COLUMN avatar text;
COMMIT;
COMMIT;
