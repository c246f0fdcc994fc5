CREATE TABLE plain_to_partitioned (id int NOT NULL, day date NOT NULL) PARTITION BY RANGE (day);
CREATE TABLE partitioned_to_plain (id int NOT NULL, day date NOT NULL);
CREATE TABLE rekeyed (id int NOT NULL, day date NOT NULL) PARTITION BY LIST (id);
CREATE TABLE rekeyed_all PARTITION OF rekeyed DEFAULT;
CREATE INDEX rekeyed_id ON rekeyed (id);
