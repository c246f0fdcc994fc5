CREATE TABLE documents (id integer PRIMARY KEY, owner text NOT NULL, team integer, body text);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY documents_owner ON documents USING (owner = current_user);
