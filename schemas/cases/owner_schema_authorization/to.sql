-- a schema created for its owner, whose elements that role creates; SET ROLE makes a role
-- the owner of what follows
CREATE TABLE audit_log (id bigint PRIMARY KEY);
CREATE SCHEMA reporting AUTHORIZATION app_admin
    CREATE TABLE daily (day date PRIMARY KEY, total numeric)
    CREATE VIEW recent AS SELECT day, total FROM reporting.daily WHERE day > date '2024-01-01';
SET ROLE app_admin;
CREATE TABLE reporting.monthly (month date PRIMARY KEY, total numeric);
RESET ROLE;
CREATE TABLE reporting.yearly (year integer PRIMARY KEY);
