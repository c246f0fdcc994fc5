CREATE TABLE documents (id integer PRIMARY KEY, owner text NOT NULL, team integer, body text);
-- the table the policy reads is new in the same plan: it is created first
CREATE TABLE members (team integer NOT NULL, member text NOT NULL);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY documents_members ON documents FOR SELECT
    USING (team IN (SELECT m.team FROM members m WHERE m.member = current_user));
