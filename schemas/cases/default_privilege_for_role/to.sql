-- default privileges for tables another role creates; tables created here are not affected
ALTER DEFAULT PRIVILEGES FOR ROLE app_admin IN SCHEMA public GRANT SELECT ON TABLES TO app_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE app_admin GRANT ALL ON SEQUENCES TO app_writer;

CREATE TABLE reports (id bigint PRIMARY KEY);

-- the role itself gives up TRUNCATE on what it will create
ALTER DEFAULT PRIVILEGES FOR ROLE app_admin REVOKE TRUNCATE ON TABLES FROM app_admin;
