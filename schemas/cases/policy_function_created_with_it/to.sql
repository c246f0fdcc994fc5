CREATE TABLE documents (id integer PRIMARY KEY, owner text NOT NULL, team integer, body text);
-- the function is new in the same plan: it is created before the policy that calls it
CREATE SCHEMA app;
CREATE FUNCTION app.my_teams() RETURNS integer[] LANGUAGE sql STABLE AS $$ SELECT ARRAY[1, 2] $$;
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY documents_team ON documents USING (team = ANY (app.my_teams()));
