CREATE TABLE events (id bigint NOT NULL, at timestamptz NOT NULL, payload jsonb) PARTITION BY RANGE (at);
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX events_at ON events (at);
CREATE INDEX events_2026_id ON events_2026 (id);
