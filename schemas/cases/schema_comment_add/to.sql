-- a comment is added to an existing schema
CREATE SCHEMA analytics;
COMMENT ON SCHEMA analytics IS 'Read-only reporting tables, refreshed nightly';
