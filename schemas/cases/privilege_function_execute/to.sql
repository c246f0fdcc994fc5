-- EXECUTE taken from PUBLIC and given to one role; a procedure too
CREATE FUNCTION total(quantity integer, price numeric) RETURNS numeric
    LANGUAGE sql AS $$ SELECT quantity * price $$;

CREATE PROCEDURE archive() LANGUAGE sql AS $$ SELECT 1 $$;

REVOKE EXECUTE ON FUNCTION total(integer, numeric) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION total(integer, numeric) TO app_reader;
REVOKE ALL ON PROCEDURE archive FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE archive() TO app_admin WITH GRANT OPTION;
