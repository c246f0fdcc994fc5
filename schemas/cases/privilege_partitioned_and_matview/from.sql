CREATE TABLE measurements (taken date NOT NULL, value numeric) PARTITION BY RANGE (taken);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE MATERIALIZED VIEW daily_values AS SELECT taken, avg(value) AS value FROM measurements GROUP BY taken;
