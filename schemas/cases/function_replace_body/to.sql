-- a new body with the same signature and result is CREATE OR REPLACE, and so is its rollback
CREATE FUNCTION total(price numeric, quantity integer) RETURNS numeric AS $$
BEGIN
    RETURN round(price * quantity, 2);
END;
$$ LANGUAGE plpgsql;
