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
CREATE SCHEMA geo;
CREATE TYPE geo.vec AS (x double precision, y double precision);
CREATE FUNCTION geo.negate(v geo.vec) RETURNS geo.vec
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT ROW(-v.x, -v.y)::geo.vec $$;
