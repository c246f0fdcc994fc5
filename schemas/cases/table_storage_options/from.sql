CREATE TABLE hot (id int PRIMARY KEY, v text) WITH (fillfactor = 90, autovacuum_enabled = off);
CREATE TABLE cold (id int);
CREATE TABLE plain (id int) WITH (parallel_workers = 2);
