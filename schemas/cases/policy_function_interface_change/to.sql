CREATE TABLE documents (id integer PRIMARY KEY, owner text NOT NULL, team integer, body text);
-- a renamed parameter cannot be replaced in place: the function is dropped and created,
-- and the policy that calls it around it
CREATE FUNCTION can_see(team_id integer) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT $1 > 0 $$;
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY documents_team ON documents USING (can_see(team));
