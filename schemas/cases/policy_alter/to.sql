CREATE TABLE documents (id integer PRIMARY KEY, owner text NOT NULL, team integer, body text);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY p_roles ON documents FOR SELECT TO app_reader, app_writer USING (true);
CREATE POLICY p_using ON documents USING (team = 2);
CREATE POLICY p_check ON documents FOR INSERT WITH CHECK (team > 10);
-- written as ALTER POLICY: folded into the policy
CREATE POLICY p_all ON documents FOR UPDATE TO app_writer USING (owner = current_user) WITH CHECK (team = 1);
ALTER POLICY p_all ON documents TO app_admin USING (owner = session_user) WITH CHECK (team = 2);
