-- expect: validation-scan@3
SET lock_timeout = '5s';
ALTER TABLE customers ALTER COLUMN email SET NOT NULL;
