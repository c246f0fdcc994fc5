CREATE TABLE events (id bigint PRIMARY KEY, body text);
CREATE TABLE audits (id bigint PRIMARY KEY, entry text);

CREATE PUBLICATION events_feed FOR TABLE events;
COMMENT ON PUBLICATION events_feed IS 'events';
ALTER PUBLICATION events_feed OWNER TO app_writer;
