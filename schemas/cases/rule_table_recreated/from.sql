CREATE TABLE events (id integer, kind text) PARTITION BY RANGE (id);
CREATE TABLE events_rest PARTITION OF events DEFAULT;
CREATE TABLE event_log (id integer, kind text);
CREATE RULE log_event AS ON INSERT TO events DO ALSO INSERT INTO event_log VALUES (NEW.id, NEW.kind);
