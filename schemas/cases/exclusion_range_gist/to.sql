-- a range-only exclusion constraint (no extension needed) with a WHERE clause and DEFERRABLE
CREATE TABLE price_periods (
    id integer PRIMARY KEY,
    valid daterange NOT NULL,
    price numeric(10,2) NOT NULL,
    active boolean NOT NULL DEFAULT true,
    CONSTRAINT price_periods_no_overlap EXCLUDE USING gist (valid WITH &&) WHERE (active) DEFERRABLE
);
