-- reordering existing enum values (same set) cannot be done with ADD VALUE and needs a recreate
CREATE TYPE severity AS ENUM ('low', 'medium', 'high');

CREATE TABLE alerts (
    id integer PRIMARY KEY,
    severity severity NOT NULL DEFAULT 'low'
);
