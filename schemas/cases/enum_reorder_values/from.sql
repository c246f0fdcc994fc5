CREATE TYPE severity AS ENUM ('low', 'high', 'medium');

CREATE TABLE alerts (
    id integer PRIMARY KEY,
    severity severity NOT NULL DEFAULT 'low'
);
