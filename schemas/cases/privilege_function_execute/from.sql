CREATE FUNCTION total(quantity integer, price numeric) RETURNS numeric
    LANGUAGE sql AS $$ SELECT quantity * price $$;

CREATE PROCEDURE archive() LANGUAGE sql AS $$ SELECT 1 $$;
