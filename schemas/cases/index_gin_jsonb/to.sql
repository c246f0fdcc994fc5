-- GIN indexes on jsonb: default jsonb_ops and the jsonb_path_ops opclass
CREATE TABLE events (
    id bigint PRIMARY KEY,
    payload jsonb NOT NULL,
    meta jsonb
);
CREATE INDEX events_payload_idx ON events USING gin (payload);
CREATE INDEX events_meta_path_idx ON events USING gin (meta jsonb_path_ops);
