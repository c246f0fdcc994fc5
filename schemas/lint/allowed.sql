-- expect: nothing
SET lock_timeout = '5s';
-- the column has been unused since release 41
-- schemadiff:allow data-loss
ALTER TABLE customers DROP COLUMN nickname;
DROP TABLE legacy_orders; -- schemadiff:allow data-loss
