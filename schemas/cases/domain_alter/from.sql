CREATE DOMAIN rating AS integer CHECK (VALUE >= 1 AND VALUE <= 5);
CREATE DOMAIN label AS text DEFAULT 'none' NOT NULL;
CREATE DOMAIN code AS text CONSTRAINT code_upper CHECK (VALUE = upper(VALUE));
CREATE TABLE reviews (id int PRIMARY KEY, stars rating, tag label, code code);
