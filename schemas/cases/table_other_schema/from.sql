CREATE SCHEMA crm;
CREATE TABLE contacts (id integer PRIMARY KEY, name text);
