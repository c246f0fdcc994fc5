-- a BRIN index with a storage parameter (pages_per_range)
CREATE TABLE metrics (
    recorded_at timestamptz NOT NULL,
    value double precision NOT NULL
);
CREATE INDEX metrics_recorded_at_brin ON metrics USING brin (recorded_at) WITH (pages_per_range = 32);
