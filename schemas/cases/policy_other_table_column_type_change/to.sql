CREATE TABLE documents (id integer PRIMARY KEY, owner text NOT NULL, team integer, body text);
-- the server refuses to retype a column a policy reads: the policy is dropped and created
CREATE TABLE members (team integer NOT NULL, member text NOT NULL, since date);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY documents_members ON documents FOR SELECT
    USING (team IN (SELECT m.team FROM members m WHERE m.member = current_user));
