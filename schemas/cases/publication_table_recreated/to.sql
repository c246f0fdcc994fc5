-- a new partition key drops and creates the table, which takes it out of its publications:
-- it leaves before the drop and joins again after the creation, so the rollback restores it
CREATE TABLE measurements (at date NOT NULL, sensor integer NOT NULL, value integer) PARTITION BY LIST (sensor);
CREATE TABLE measurements_1 PARTITION OF measurements FOR VALUES IN (1);

CREATE PUBLICATION readings FOR TABLE measurements (at, sensor, value) WITH (publish = 'insert', publish_via_partition_root = true);
