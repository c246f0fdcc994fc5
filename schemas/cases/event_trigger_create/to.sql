-- event triggers with and without tags (any case, upper-cased as the server does), every
-- event, a disabled one and a comment
CREATE SCHEMA audit;
CREATE TABLE audit.ddl_log (tag text, at timestamptz DEFAULT now());
CREATE FUNCTION audit.log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit.ddl_log (tag) VALUES (tg_tag);
END
$$;
CREATE FUNCTION audit.no_drops() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'dropped';
END
$$;

CREATE EVENT TRIGGER log_tables ON ddl_command_end
    WHEN TAG IN ('create table', 'ALTER TABLE')
    EXECUTE FUNCTION audit.log_ddl();
CREATE EVENT TRIGGER "Log Drops" ON sql_drop EXECUTE PROCEDURE audit.no_drops();
CREATE EVENT TRIGGER before_ddl ON ddl_command_start WHEN TAG IN ('CREATE INDEX')
    EXECUTE FUNCTION audit.no_drops();
CREATE EVENT TRIGGER rewrites ON table_rewrite EXECUTE FUNCTION audit.no_drops();
ALTER EVENT TRIGGER before_ddl DISABLE;
COMMENT ON EVENT TRIGGER log_tables IS 'logs table DDL';
