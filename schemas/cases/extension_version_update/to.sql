-- a pinned extension version is updated; the rollback reinstalls the old version
CREATE EXTENSION pg_trgm VERSION '1.6';
