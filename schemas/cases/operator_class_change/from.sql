CREATE FUNCTION ci_eq(a text, b text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT lower(a) = lower(b) $$;
CREATE FUNCTION ci_lt(a text, b text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT lower(a) < lower(b) $$;
CREATE FUNCTION ci_cmp(a text, b text) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT CASE WHEN lower(a) < lower(b) THEN -1 WHEN lower(a) > lower(b) THEN 1 ELSE 0 END $$;
CREATE FUNCTION ci_hash(a text) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT hashtext(lower(a)) $$;
CREATE OPERATOR === (
    LEFTARG = text, RIGHTARG = text, FUNCTION = ci_eq,
    COMMUTATOR = ===, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR <<< (LEFTARG = text, RIGHTARG = text, FUNCTION = ci_lt);
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE OPERATOR CLASS text_ci_ops FOR TYPE text USING btree AS
    OPERATOR 3 ===,
    FUNCTION 1 ci_cmp(text, text);
CREATE OPERATOR FAMILY text_ci_hash_ops USING hash;
ALTER OPERATOR FAMILY text_ci_hash_ops USING hash ADD OPERATOR 1 ===(text, text);
CREATE INDEX users_email_ci ON users (email text_ci_ops);
CREATE INDEX users_id ON users (id);
