CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
CREATE DOMAIN unused AS bigint;
COMMENT ON DOMAIN email IS 'an address';
CREATE TABLE users (id int PRIMARY KEY, email email);
