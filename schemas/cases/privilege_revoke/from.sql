CREATE TABLE audit_log (id bigint PRIMARY KEY, entry text);

GRANT SELECT, INSERT ON audit_log TO app_writer;
GRANT SELECT ON audit_log TO app_reader;
