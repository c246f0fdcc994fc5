-- expect: breaks-application@3
SET lock_timeout = '5s';
ALTER TABLE customers ADD COLUMN email text NOT NULL;
ALTER TABLE customers ADD COLUMN plan text NOT NULL DEFAULT 'free';
