-- expect: table-rewrite@4
SET lock_timeout = '5s';
ALTER TABLE customers ALTER COLUMN name TYPE varchar(200);
ALTER TABLE events ALTER COLUMN id TYPE bigint;
ALTER TABLE customers ALTER COLUMN bio TYPE text;
