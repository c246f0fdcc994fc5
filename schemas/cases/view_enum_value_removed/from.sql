CREATE TYPE state AS ENUM ('draft', 'live', 'retired');
CREATE TABLE docs (id integer PRIMARY KEY, state state NOT NULL DEFAULT 'draft');
CREATE VIEW live_docs AS SELECT id FROM docs WHERE state = 'live';
