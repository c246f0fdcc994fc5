CREATE TABLE documents (id integer PRIMARY KEY, owner text NOT NULL, team integer, body text);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY p_cmd ON documents FOR SELECT USING (true);
CREATE POLICY p_kind ON documents USING (team = 1);
