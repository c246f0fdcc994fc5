-- expect: weakens-security@3 weakens-security@4 weakens-security@5
SET lock_timeout = '5s';
ALTER TABLE documents DISABLE ROW LEVEL SECURITY;
DROP POLICY documents_owner ON documents;
GRANT SELECT ON documents TO PUBLIC;
GRANT SELECT ON documents TO app_reader;
