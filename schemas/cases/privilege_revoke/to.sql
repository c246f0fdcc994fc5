-- app_reader loses everything, app_writer keeps SELECT only
CREATE TABLE audit_log (id bigint PRIMARY KEY, entry text);

GRANT SELECT ON audit_log TO app_writer;
