-- a procedure is created; procedures use DROP PROCEDURE and COMMENT ON PROCEDURE
CREATE TABLE audit_log (id serial PRIMARY KEY, message text);
CREATE PROCEDURE log_message(msg text)
LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO audit_log (message) VALUES (msg);
END;
$$;
COMMENT ON PROCEDURE log_message(text) IS 'Appends to the audit log';
