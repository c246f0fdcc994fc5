-- partial indexes with WHERE predicates (IS NULL, boolean, AND) are created
CREATE TABLE jobs (
    id bigint PRIMARY KEY,
    queue text NOT NULL,
    run_at timestamptz NOT NULL,
    finished_at timestamptz,
    deleted boolean NOT NULL DEFAULT false
);
CREATE INDEX jobs_pending_idx ON jobs (queue, run_at) WHERE finished_at IS NULL;
CREATE UNIQUE INDEX jobs_live_queue_uidx ON jobs (queue, id) WHERE NOT deleted AND queue <> 'dead';
