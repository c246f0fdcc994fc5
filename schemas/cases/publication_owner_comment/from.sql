CREATE TABLE events (id bigint PRIMARY KEY, body text);

CREATE PUBLICATION events_feed FOR TABLE events;
ALTER PUBLICATION events_feed OWNER TO app_writer;
COMMENT ON PUBLICATION events_feed IS 'events for the warehouse';
CREATE PUBLICATION quiet;
COMMENT ON PUBLICATION quiet IS 'nothing yet';
