-- the server refuses to retype a column a trigger names: the trigger is dropped and created
-- around the change; the other trigger stays
CREATE TABLE items (id integer PRIMARY KEY, price numeric(10,2) NOT NULL, note text);
CREATE FUNCTION log_price() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE TRIGGER items_price_changed AFTER UPDATE OF price ON items
    FOR EACH ROW WHEN (OLD.price <> NEW.price) EXECUTE FUNCTION log_price();
CREATE TRIGGER items_note_changed AFTER UPDATE OF note ON items
    FOR EACH ROW EXECUTE FUNCTION log_price();
