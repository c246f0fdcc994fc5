-- a domain whose CHECK calls a function, used by a table created in the same plan: the
-- function, then the domain, then the table
CREATE FUNCTION is_sku(value text) RETURNS boolean LANGUAGE sql IMMUTABLE
    AS $$ SELECT value ~ '^[A-Z]{3}-[0-9]+$' $$;

CREATE DOMAIN sku AS varchar(20) COLLATE "C"
    DEFAULT 'AAA-0'
    NOT NULL
    CHECK (is_sku(VALUE));

CREATE DOMAIN quantity AS integer CHECK (VALUE >= 0) CHECK (VALUE < 1000000);
ALTER DOMAIN quantity ADD CONSTRAINT quantity_even CHECK (VALUE % 2 = 0) NOT VALID;

COMMENT ON DOMAIN sku IS 'stock keeping unit';

CREATE TABLE stock (
    sku sku PRIMARY KEY,
    on_hand quantity,
    history quantity[]
);
