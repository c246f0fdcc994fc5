-- defaults defined while acting as another role are that role's
SET ROLE app_admin;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO app_reader;
RESET ROLE;
