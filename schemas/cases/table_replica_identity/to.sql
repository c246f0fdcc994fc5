CREATE TABLE events (id int NOT NULL, at timestamptz NOT NULL);
CREATE UNIQUE INDEX events_id ON events (id);
ALTER TABLE events REPLICA IDENTITY USING INDEX events_id;
CREATE TABLE audit (id int PRIMARY KEY);
ALTER TABLE audit REPLICA IDENTITY NOTHING;
-- the index the identity used goes: the identity is released first
CREATE TABLE feed (id int NOT NULL);
-- a new table whose identity uses a new index
CREATE TABLE log (id int NOT NULL, line text);
CREATE UNIQUE INDEX log_id ON log (id);
ALTER TABLE log REPLICA IDENTITY USING INDEX log_id;
CREATE TABLE snapshot (id int) ;
ALTER TABLE snapshot REPLICA IDENTITY FULL;
