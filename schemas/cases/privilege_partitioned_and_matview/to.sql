-- grants on a partitioned table, one of its columns, and a materialized view
CREATE TABLE measurements (taken date NOT NULL, value numeric) PARTITION BY RANGE (taken);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE MATERIALIZED VIEW daily_values AS SELECT taken, avg(value) AS value FROM measurements GROUP BY taken;
GRANT SELECT, INSERT ON measurements TO app_writer;
GRANT UPDATE (value) ON measurements TO app_admin;
GRANT SELECT ON daily_values TO app_reader;
