-- expect: missing-lock-timeout@2
ALTER TABLE customers ADD COLUMN bio text;
ALTER TABLE customers ADD COLUMN avatar text;
