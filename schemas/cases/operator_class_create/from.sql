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
