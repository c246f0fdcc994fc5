-- a table becomes a view of the same name over a new table: the table is dropped first
CREATE TABLE event_log (id integer, kind text, at timestamptz);
CREATE VIEW events AS SELECT id, kind FROM event_log;
CREATE VIEW recent_events AS SELECT id, kind FROM events;
