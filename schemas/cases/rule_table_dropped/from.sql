CREATE SCHEMA app;
CREATE TABLE app.orders (id integer PRIMARY KEY, status text NOT NULL DEFAULT 'new', total numeric(12,2));
CREATE TABLE order_log (order_id integer, note text, at timestamptz DEFAULT now());
CREATE TABLE drafts (id integer PRIMARY KEY, body text);
CREATE RULE log_draft AS ON INSERT TO drafts DO ALSO INSERT INTO order_log VALUES (NEW.id, NEW.body);
