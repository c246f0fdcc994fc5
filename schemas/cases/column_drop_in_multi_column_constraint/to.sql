-- dropping a column silently drops the multi-column check, unique and index that use it; the plan must not drop them twice
CREATE TABLE events (
    id integer PRIMARY KEY,
    starts_at timestamptz NOT NULL,
    venue_id integer
);
