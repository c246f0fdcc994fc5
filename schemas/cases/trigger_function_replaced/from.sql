CREATE TABLE items (id integer PRIMARY KEY, price numeric NOT NULL);
CREATE FUNCTION check_price() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RETURN NEW;
END
$$;
CREATE TRIGGER items_check_price BEFORE INSERT OR UPDATE ON items
    FOR EACH ROW EXECUTE FUNCTION check_price();
