CREATE TABLE items (id integer PRIMARY KEY, price numeric NOT NULL);
-- a new body: replaced in place, the trigger stays
CREATE FUNCTION check_price() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.price < 0 THEN
        RAISE EXCEPTION 'negative price';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER items_check_price BEFORE INSERT OR UPDATE ON items
    FOR EACH ROW EXECUTE FUNCTION check_price();
