-- an enum used by a view loses a value: the view is dropped before the type is recreated and created after
CREATE TYPE state AS ENUM ('draft', 'live');
CREATE TABLE docs (id integer PRIMARY KEY, state state NOT NULL DEFAULT 'draft');
CREATE VIEW live_docs AS SELECT id FROM docs WHERE state = 'live';
