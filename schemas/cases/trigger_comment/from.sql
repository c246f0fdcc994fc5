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

CREATE TRIGGER t_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER t_audit AFTER INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION audit();
COMMENT ON TRIGGER t_audit ON accounts IS 'old words';