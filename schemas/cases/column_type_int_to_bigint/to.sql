-- integer -> bigint uses ALTER COLUMN ... TYPE bigint, keeping the default and NOT NULL
CREATE TABLE events (
    id bigint PRIMARY KEY,
    counter bigint NOT NULL DEFAULT 0
);
