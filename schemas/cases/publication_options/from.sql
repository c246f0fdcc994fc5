CREATE TABLE events (id bigint PRIMARY KEY, body text);
CREATE TABLE measurements (at date NOT NULL, value integer) PARTITION BY RANGE (at);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE PUBLICATION narrow FOR TABLE events WITH (publish = 'insert');
CREATE PUBLICATION wide FOR TABLE events;
CREATE PUBLICATION readings FOR TABLE measurements WITH (publish_via_partition_root = true, publish = 'insert');
