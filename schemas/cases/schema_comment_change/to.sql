-- a schema comment is replaced, and the new text contains a single quote
CREATE SCHEMA analytics;
COMMENT ON SCHEMA analytics IS 'Reporting tables (don''t write here)';
