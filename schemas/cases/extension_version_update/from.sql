-- pg_trgm at an older version
CREATE EXTENSION pg_trgm VERSION '1.5';
