CREATE TABLE documents (id integer PRIMARY KEY, owner text NOT NULL, team integer, body text);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
-- a new command or kind cannot be altered: dropped and created
CREATE POLICY p_cmd ON documents FOR DELETE USING (true);
CREATE POLICY p_kind ON documents AS RESTRICTIVE USING (team = 1);
