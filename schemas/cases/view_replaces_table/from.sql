CREATE TABLE events (id integer, kind text);
CREATE VIEW recent_events AS SELECT id, kind FROM events;
