CREATE SCHEMA analytics;
COMMENT ON SCHEMA analytics IS 'Reporting tables';
