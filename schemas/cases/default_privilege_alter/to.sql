-- table defaults widen, sequence defaults go, a grant option goes
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE ON TABLES TO app_writer;
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO app_reader;
