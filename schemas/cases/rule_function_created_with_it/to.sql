-- a rule calls a function and writes a table both created in the same plan: they come first
CREATE SCHEMA app;
CREATE TABLE app.orders (id integer PRIMARY KEY, status text);
CREATE TABLE app.status_log (order_id integer, status text);
CREATE FUNCTION app.label(status text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT upper(status) $$;
CREATE RULE log_status AS ON UPDATE TO app.orders
    DO ALSO INSERT INTO app.status_log VALUES (NEW.id, app.label(NEW.status));
