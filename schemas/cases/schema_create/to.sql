-- a new, empty schema is created with CREATE SCHEMA
CREATE SCHEMA reporting;
