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

CREATE TRIGGER accounts_touch BEFORE INSERT OR UPDATE OF balance, owner ON accounts
    FOR EACH ROW EXECUTE FUNCTION touch();

CREATE TRIGGER accounts_big_change AFTER UPDATE ON accounts
    FOR EACH ROW WHEN (OLD.balance IS DISTINCT FROM NEW.balance AND NEW.balance > 1000)
    EXECUTE FUNCTION audit('large', 1000);

CREATE TRIGGER accounts_batch AFTER UPDATE ON accounts
    REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit();

CREATE TRIGGER accounts_truncate AFTER TRUNCATE ON accounts
    EXECUTE PROCEDURE audit();

CREATE CONSTRAINT TRIGGER accounts_check AFTER INSERT OR DELETE ON accounts
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION audit();

COMMENT ON TRIGGER accounts_touch ON accounts IS 'keeps updated_at current';
