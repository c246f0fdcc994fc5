CREATE TABLE documents (id integer PRIMARY KEY, owner text NOT NULL, team integer, body text);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY documents_owner ON documents USING (owner = current_user);
CREATE POLICY documents_read ON documents FOR SELECT TO app_reader, app_admin USING (team IS NOT NULL);
CREATE POLICY documents_write ON documents AS RESTRICTIVE FOR INSERT TO app_writer WITH CHECK (owner = current_user AND body <> '');
CREATE POLICY documents_update ON documents FOR UPDATE TO app_writer USING (owner = current_user) WITH CHECK (team IN (1, 2, 3));
CREATE POLICY documents_delete ON documents FOR DELETE TO PUBLIC USING (false);
COMMENT ON POLICY documents_owner ON documents IS 'owners see their rows';
