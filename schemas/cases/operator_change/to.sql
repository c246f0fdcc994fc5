-- estimators change in place (ALTER OPERATOR … SET); HASHES and MERGES, and a new function,
-- drop and create the operator (its negator loses its link with the drop and gets it back
-- with the creation); a comment changes
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
    COMMUTATOR = ===, NEGATOR = !==, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR !== (
    LEFTARG = text, RIGHTARG = text, FUNCTION = ci_ne,
    NEGATOR = ===, RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR <<< (LEFTARG = text, RIGHTARG = text, FUNCTION = ci_lt_trimmed);
COMMENT ON OPERATOR <<<(text, text) IS 'less ignoring case and surrounding blanks';
COMMENT ON OPERATOR ===(text, text) IS 'equal ignoring case';
