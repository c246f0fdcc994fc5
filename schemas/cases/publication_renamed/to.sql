-- a publication declared renamed keeps its subscribers' tables, owner and comment; what
-- else changes is planned under the new name
CREATE TABLE events (id bigint PRIMARY KEY, body text);
CREATE TABLE audits (id bigint PRIMARY KEY, entry text);

CREATE PUBLICATION "Activity Feed" FOR TABLE events, audits; -- schemadiff:renamed-from events_feed
COMMENT ON PUBLICATION "Activity Feed" IS 'events';
ALTER PUBLICATION "Activity Feed" OWNER TO app_writer;
