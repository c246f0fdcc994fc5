CREATE TABLE accounts (
    id integer PRIMARY KEY,
    owner text NOT NULL,
    balance numeric(12,2) NOT NULL DEFAULT 0,
    updated_at timestamptz
);

CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RETURN NULL;
END
$$;

-- new events and a condition: dropped and created
CREATE TRIGGER accounts_touch BEFORE INSERT OR UPDATE ON accounts
    FOR EACH ROW WHEN (NEW.owner <> '') EXECUTE FUNCTION touch();
-- now deferrable
CREATE CONSTRAINT TRIGGER accounts_check AFTER INSERT ON accounts
    DEFERRABLE INITIALLY IMMEDIATE
    FOR EACH ROW EXECUTE FUNCTION audit();