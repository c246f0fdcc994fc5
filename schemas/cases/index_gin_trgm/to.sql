-- a GIN index using an extension opclass (pg_trgm's gin_trgm_ops) needs the extension first
CREATE EXTENSION pg_trgm;
CREATE TABLE cities (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE INDEX cities_name_trgm_idx ON cities USING gin (name gin_trgm_ops);
