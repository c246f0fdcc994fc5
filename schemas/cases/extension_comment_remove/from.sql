CREATE EXTENSION citext;
COMMENT ON EXTENSION citext IS 'Case-insensitive text';
