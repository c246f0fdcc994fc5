CREATE TABLE events (
    id integer PRIMARY KEY,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz,
    venue_id integer,
    CHECK (ends_at > starts_at),
    UNIQUE (venue_id, starts_at)
);
CREATE INDEX events_range_idx ON events (starts_at, ends_at);
