-- the trigger is declared before its function and table: the plan creates them first
CREATE SCHEMA audit;
CREATE TABLE items (id integer PRIMARY KEY, price numeric NOT NULL);
CREATE TABLE audit.events (id bigint GENERATED ALWAYS AS IDENTITY, note text);
CREATE FUNCTION audit.record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit.events (note) VALUES (TG_OP);
    RETURN NULL;
END
$$;
CREATE TRIGGER events_record AFTER INSERT ON audit.events
    FOR EACH STATEMENT EXECUTE FUNCTION audit.record();
CREATE TRIGGER items_record AFTER INSERT ON items
    FOR EACH ROW EXECUTE FUNCTION audit.record();
