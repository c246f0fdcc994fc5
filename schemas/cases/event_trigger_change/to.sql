-- new tags and a new function drop and create; the enabled state and the comment are
-- altered in place, and so is its owner (a superuser: only one may own an event trigger)
CREATE SCHEMA audit;
CREATE FUNCTION audit.note() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'ddl';
END
$$;
CREATE FUNCTION audit.other() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'other';
END
$$;
CREATE EVENT TRIGGER tagged ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'DROP TABLE')
    EXECUTE FUNCTION audit.note();
CREATE EVENT TRIGGER moved ON ddl_command_end EXECUTE FUNCTION audit.other();
CREATE EVENT TRIGGER switched ON sql_drop EXECUTE FUNCTION audit.note();
ALTER EVENT TRIGGER switched ENABLE ALWAYS;
CREATE EVENT TRIGGER described ON sql_drop EXECUTE FUNCTION audit.note();
COMMENT ON EVENT TRIGGER described IS 'after';
CREATE EVENT TRIGGER new_name ON sql_drop EXECUTE FUNCTION audit.other();
ALTER EVENT TRIGGER described OWNER TO app_superuser;
