CREATE TYPE address AS (street text, city varchar(20), zip integer, country text);
COMMENT ON TYPE address IS 'postal';
