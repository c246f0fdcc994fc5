CREATE TABLE documents (id integer PRIMARY KEY, owner text NOT NULL, team integer, body text);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY p_roles ON documents FOR SELECT TO app_reader USING (true);
CREATE POLICY p_using ON documents USING (team = 1);
CREATE POLICY p_check ON documents FOR INSERT WITH CHECK (team > 0);
CREATE POLICY p_all ON documents FOR UPDATE TO app_writer USING (owner = current_user) WITH CHECK (team = 1);
