-- a schema holding tables, a sequence and an enum
CREATE TABLE users (
    id integer PRIMARY KEY,
    name text NOT NULL
);

CREATE SCHEMA audit;

CREATE TYPE audit.action AS ENUM ('insert', 'update', 'delete');

CREATE SEQUENCE audit.event_seq;

CREATE TABLE audit.events (
    id bigint PRIMARY KEY DEFAULT nextval('audit.event_seq'),
    user_id integer REFERENCES public.users (id),
    action audit.action NOT NULL,
    happened_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON audit.events (happened_at);
