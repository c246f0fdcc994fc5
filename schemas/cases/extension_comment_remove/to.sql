-- an extension comment is explicitly removed, so not even the control-file default remains
CREATE EXTENSION citext;
COMMENT ON EXTENSION citext IS NULL;
