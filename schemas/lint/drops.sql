-- expect: data-loss@3 data-loss@4 data-loss@5 data-loss@6 data-loss@7
SET lock_timeout = '5s';
ALTER TABLE customers DROP COLUMN nickname;
DROP TABLE legacy_orders;
DROP SCHEMA reporting CASCADE;
DROP TYPE mood;
DROP DATABASE staging;
