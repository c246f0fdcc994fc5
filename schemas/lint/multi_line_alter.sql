-- expect: data-loss@5 validation-scan@6 table-rewrite@7 validation-scan@8
SET lock_timeout = '5s';
ALTER TABLE customers
  ADD COLUMN bio text,
  DROP COLUMN nickname,
  ALTER COLUMN email SET NOT NULL,
  ALTER COLUMN id TYPE bigint,
  ADD CONSTRAINT customers_email_check CHECK (email LIKE '%@%');
