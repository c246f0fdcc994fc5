-- aggregates after their state, final and combine functions; a comment
CREATE FUNCTION append_value(numeric[], numeric) RETURNS numeric[] LANGUAGE sql IMMUTABLE
    AS $$ SELECT array_append($1, $2) $$;
CREATE FUNCTION first_value_of(numeric[]) RETURNS numeric LANGUAGE sql IMMUTABLE
    AS $$ SELECT $1[1] $$;
CREATE FUNCTION add_up(numeric, numeric) RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT $1 + $2 $$;
CREATE FUNCTION take_away(numeric, numeric) RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT $1 - $2 $$;

CREATE AGGREGATE first_of(numeric) (
    SFUNC = append_value, STYPE = numeric[], FINALFUNC = first_value_of, INITCOND = '{}'
);
CREATE AGGREGATE running_sum(numeric) (
    SFUNC = add_up, STYPE = numeric, COMBINEFUNC = add_up, INITCOND = '0',
    MSFUNC = add_up, MINVFUNC = take_away, MSTYPE = numeric, MINITCOND = '0',
    PARALLEL = SAFE
);
CREATE AGGREGATE count_rows(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0');
COMMENT ON AGGREGATE running_sum(numeric) IS 'a moving sum';
