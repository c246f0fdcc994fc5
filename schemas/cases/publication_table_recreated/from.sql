CREATE TABLE measurements (at date NOT NULL, sensor integer NOT NULL, value integer) PARTITION BY RANGE (at);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE PUBLICATION readings FOR TABLE measurements (at, sensor, value) WITH (publish = 'insert', publish_via_partition_root = true);
