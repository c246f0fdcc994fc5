CREATE FUNCTION near_eq(a numeric, b numeric) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT abs(a - b) < 0.01 $$;
CREATE OPERATOR ~= (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = near_eq);
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
