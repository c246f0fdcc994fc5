-- a range type created, one dropped, one changed (dropped and created), one commented
CREATE FUNCTION time_diff(a time, b time) RETURNS float8 LANGUAGE sql IMMUTABLE
    AS $$ SELECT EXTRACT(EPOCH FROM (a - b)) $$;
CREATE TYPE timerange AS RANGE (subtype = time, subtype_diff = time_diff);
CREATE TYPE span AS RANGE (subtype = float8, subtype_diff = float8mi, multirange_type_name = spans);
CREATE TYPE kept AS RANGE (subtype = date);
COMMENT ON TYPE kept IS 'dates';
CREATE TABLE shifts (id int PRIMARY KEY, during timerange);
