CREATE TABLE events (id bigint NOT NULL, at timestamptz NOT NULL, payload jsonb) PARTITION BY RANGE (at);
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX events_payload ON events USING gin (payload);
ALTER TABLE events ADD CONSTRAINT events_key UNIQUE (id, at);
