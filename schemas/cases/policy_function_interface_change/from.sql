CREATE TABLE documents (id integer PRIMARY KEY, owner text NOT NULL, team integer, body text);
CREATE FUNCTION can_see(team integer) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT $1 > 0 $$;
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY documents_team ON documents USING (can_see(team));
