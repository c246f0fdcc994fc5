CREATE TABLE documents (id integer PRIMARY KEY, owner text NOT NULL, team integer, body text);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY p ON documents FOR UPDATE USING (team = 1) WITH CHECK (team = 2);
