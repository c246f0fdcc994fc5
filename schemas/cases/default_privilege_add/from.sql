-- no default privileges yet
CREATE SCHEMA app;
