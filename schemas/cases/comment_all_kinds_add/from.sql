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
