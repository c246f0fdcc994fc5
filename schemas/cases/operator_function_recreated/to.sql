-- the operator's function gets new parameter names (CREATE OR REPLACE cannot change them, so
-- it is dropped and created): the operator is dropped before and created after, and with it
-- the class that holds it and the index that uses the class
CREATE FUNCTION ci_eq(x text, y text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT lower(x) = lower(y) $$;
CREATE FUNCTION ci_cmp(a text, b text) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT CASE WHEN lower(a) < lower(b) THEN -1 WHEN lower(a) > lower(b) THEN 1 ELSE 0 END $$;
CREATE OPERATOR === (LEFTARG = text, RIGHTARG = text, FUNCTION = ci_eq, COMMUTATOR = ===);
COMMENT ON OPERATOR ===(text, text) IS 'equal ignoring case';
CREATE OPERATOR CLASS text_ci_ops FOR TYPE text USING btree AS
    OPERATOR 3 ===,
    FUNCTION 1 ci_cmp(text, text);
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE INDEX users_email_ci ON users (email text_ci_ops);
