CREATE FUNCTION ci_eq(a text, b text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT lower(a) = lower(b) $$;
CREATE FUNCTION ci_ne(a text, b text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT lower(a) <> lower(b) $$;
CREATE FUNCTION ci_lt(a text, b text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT lower(a) < lower(b) $$;
CREATE FUNCTION ci_gt(a text, b text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT lower(a) > lower(b) $$;
CREATE FUNCTION ci_lt_trimmed(a text, b text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT lower(trim(a)) < lower(trim(b)) $$;
CREATE OPERATOR === (
    LEFTARG = text, RIGHTARG = text, FUNCTION = ci_eq,
    COMMUTATOR = ===, NEGATOR = !==, RESTRICT = eqsel, JOIN = eqjoinsel
);
CREATE OPERATOR !== (LEFTARG = text, RIGHTARG = text, FUNCTION = ci_ne, NEGATOR = ===);
CREATE OPERATOR <<< (LEFTARG = text, RIGHTARG = text, FUNCTION = ci_lt);
COMMENT ON OPERATOR <<<(text, text) IS 'less ignoring case';
