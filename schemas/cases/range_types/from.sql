CREATE TYPE old_range AS RANGE (subtype = integer);
CREATE TYPE span AS RANGE (subtype = float8);
CREATE TYPE kept AS RANGE (subtype = date);
