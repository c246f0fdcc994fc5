-- a NOT VALID constraint is validated; a valid one wanted NOT VALID is added again
CREATE DOMAIN percent AS numeric CONSTRAINT percent_max CHECK (VALUE <= 100);
ALTER DOMAIN percent ADD CONSTRAINT percent_check CHECK (VALUE >= 0) NOT VALID;
