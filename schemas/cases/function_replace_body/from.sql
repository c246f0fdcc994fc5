CREATE FUNCTION total(price numeric, quantity integer) RETURNS numeric AS $$
BEGIN
    RETURN price * quantity;
END;
$$ LANGUAGE plpgsql;
