-- one parameter changed, one removed, one added; parameters set on a table that had none;
-- a new table created with parameters
CREATE TABLE hot (id int PRIMARY KEY, v text) WITH (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.05);
CREATE TABLE cold (id int);
ALTER TABLE cold SET (autovacuum_enabled = false, toast_tuple_target = 4096);
CREATE TABLE plain (id int);
CREATE TABLE fresh (id int) WITH (fillfactor=50);
