CREATE SEQUENCE counter_seq;

CREATE TABLE counters (
    id bigint NOT NULL DEFAULT nextval('counter_seq') PRIMARY KEY
);

ALTER SEQUENCE counter_seq OWNED BY counters.id;

CREATE TABLE keep_me (id integer PRIMARY KEY);
