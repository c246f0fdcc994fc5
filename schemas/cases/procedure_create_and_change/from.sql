-- nothing yet
CREATE TABLE audit_log (id serial PRIMARY KEY, message text);
