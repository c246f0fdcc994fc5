CREATE TABLE documents (id integer PRIMARY KEY, owner text NOT NULL, team integer, body text);
CREATE POLICY p_one ON documents USING (true);
CREATE POLICY p_two ON documents USING (true);
COMMENT ON POLICY p_two ON documents IS 'old';
