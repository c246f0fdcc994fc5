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
