-- owners and comments change hands in place; `renamed` is created under another name first,
-- which the offline reading folds
CREATE TABLE events (id bigint PRIMARY KEY, body text);

CREATE PUBLICATION events_feed FOR TABLE events;
ALTER PUBLICATION events_feed OWNER TO app_admin;
COMMENT ON PUBLICATION events_feed IS 'events for the lake';
CREATE PUBLICATION quiet;
ALTER PUBLICATION quiet OWNER TO app_reader;
CREATE PUBLICATION draft FOR TABLE events;
ALTER PUBLICATION draft RENAME TO renamed;
COMMENT ON PUBLICATION renamed IS 'was a draft';
