CREATE TABLE metrics (
    recorded_at timestamptz NOT NULL,
    value double precision NOT NULL
);
