-- the parent's columns change; its partitions follow, and one keeps its own default
CREATE TABLE readings (sensor int NOT NULL, at date NOT NULL, value bigint DEFAULT 1, note text NOT NULL DEFAULT '')
    PARTITION BY LIST (sensor);
CREATE TABLE readings_1 PARTITION OF readings FOR VALUES IN (1);
CREATE TABLE readings_2 PARTITION OF readings (value DEFAULT 5) FOR VALUES IN (2);
CREATE TABLE readings_3 PARTITION OF readings (note DEFAULT 'three') FOR VALUES IN (3);
