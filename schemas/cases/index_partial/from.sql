CREATE TABLE jobs (
    id bigint PRIMARY KEY,
    queue text NOT NULL,
    run_at timestamptz NOT NULL,
    finished_at timestamptz,
    deleted boolean NOT NULL DEFAULT false
);
