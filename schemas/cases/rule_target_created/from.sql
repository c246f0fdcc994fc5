-- a table a rule writes to is dropped with the rule: the rule is dropped before the table
CREATE SCHEMA app;
CREATE TABLE app.orders (id integer PRIMARY KEY, status text NOT NULL DEFAULT 'new', total numeric(12,2));
