-- the operator gets another function, which only dropping and creating it changes: the view,
-- the CHECK constraint and the indexes (a predicate, an expression) that use it are dropped
-- before and created after, or the server refuses the DROP OPERATOR
CREATE FUNCTION near_eq(a numeric, b numeric) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT abs(a - b) < 0.01 $$;
CREATE FUNCTION within_tenth(a numeric, b numeric) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT abs(a - b) < 0.1 $$;
CREATE OPERATOR ~= (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = within_tenth);
CREATE TABLE readings (
    id bigint PRIMARY KEY,
    expected numeric NOT NULL,
    measured numeric NOT NULL,
    CONSTRAINT readings_plausible CHECK (NOT (measured ~= -1))
);
CREATE INDEX readings_matching ON readings (id) WHERE expected ~= measured;
CREATE INDEX readings_match_flag ON readings ((expected ~= measured));
CREATE VIEW matching_readings AS
    SELECT id, expected, measured FROM readings WHERE expected ~= measured;
