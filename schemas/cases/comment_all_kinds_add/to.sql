-- comments are added on every kind in scope: schema, extension, type, sequence, table, column, constraint, index
CREATE SCHEMA app;
CREATE EXTENSION hstore;
CREATE TYPE app.mood AS ENUM ('happy', 'sad');
CREATE SEQUENCE app.ticket_seq;
CREATE TABLE app.people (
    id integer PRIMARY KEY,
    mood app.mood,
    CONSTRAINT people_id_positive CHECK (id > 0)
);
CREATE INDEX people_mood_idx ON app.people (mood);

COMMENT ON SCHEMA app IS 'Application objects';
COMMENT ON EXTENSION hstore IS 'Key/value pairs';
COMMENT ON TYPE app.mood IS 'How someone feels';
COMMENT ON SEQUENCE app.ticket_seq IS 'Ticket numbers';
COMMENT ON TABLE app.people IS 'People we know';
COMMENT ON COLUMN app.people.mood IS 'Current mood';
COMMENT ON CONSTRAINT people_id_positive ON app.people IS 'Ids start at 1';
COMMENT ON INDEX app.people_mood_idx IS 'Find people by mood';
