CREATE TABLE events (id bigint PRIMARY KEY, kind text);
CREATE VIEW signups AS SELECT id FROM events WHERE kind = 'signup';
ALTER VIEW signups OWNER TO app_reader;
CREATE TYPE mood AS ENUM ('calm', 'busy');
ALTER TYPE mood OWNER TO app_admin;
