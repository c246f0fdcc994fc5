-- default set, changed and dropped; NOT NULL set and dropped; a check changed, one added
-- NOT VALID, one dropped; comments
CREATE DOMAIN rating AS integer DEFAULT 3 NOT NULL CHECK (VALUE >= 1 AND VALUE <= 10);
CREATE DOMAIN label AS text DEFAULT 'unset';
CREATE DOMAIN code AS text;
ALTER DOMAIN code ADD CONSTRAINT code_short CHECK (length(VALUE) < 10) NOT VALID;
COMMENT ON DOMAIN rating IS 'one to ten';
CREATE TABLE reviews (id int PRIMARY KEY, stars rating, tag label, code code);
