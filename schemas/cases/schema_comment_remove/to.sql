-- a schema comment is removed with COMMENT ... IS NULL
CREATE SCHEMA analytics;
