-- a table, before the roles that read it are set up
CREATE TABLE reports (id bigint PRIMARY KEY, body text);
