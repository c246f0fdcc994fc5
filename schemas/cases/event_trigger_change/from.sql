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
CREATE EVENT TRIGGER tagged ON ddl_command_end WHEN TAG IN ('CREATE TABLE')
    EXECUTE FUNCTION audit.note();
CREATE EVENT TRIGGER moved ON ddl_command_end EXECUTE FUNCTION audit.note();
CREATE EVENT TRIGGER switched ON sql_drop EXECUTE FUNCTION audit.note();
ALTER EVENT TRIGGER switched DISABLE;
CREATE EVENT TRIGGER described ON sql_drop EXECUTE FUNCTION audit.note();
COMMENT ON EVENT TRIGGER described IS 'before';
CREATE EVENT TRIGGER old_name ON sql_drop EXECUTE FUNCTION audit.other();
ALTER EVENT TRIGGER old_name RENAME TO new_name;
