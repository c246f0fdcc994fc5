-- a function returning a view's row type is created after the view (and the views it reads),
-- which the plan would otherwise place among the functions, before tables and views
CREATE TABLE runs (id bigint PRIMARY KEY, started_at timestamptz);
CREATE VIEW started_runs AS SELECT id, started_at FROM runs WHERE started_at IS NOT NULL;
CREATE VIEW run_summary AS SELECT id FROM started_runs;
CREATE FUNCTION latest_runs() RETURNS SETOF run_summary
    LANGUAGE sql STABLE AS $$ SELECT * FROM run_summary $$;
