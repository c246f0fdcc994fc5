CREATE SCHEMA app;
CREATE TABLE app.orders (id integer PRIMARY KEY, status text NOT NULL DEFAULT 'new', total numeric(12,2));
CREATE TABLE order_log (order_id integer, note text, at timestamptz DEFAULT now());
CREATE RULE log_insert AS ON INSERT TO app.orders
    DO ALSO INSERT INTO order_log VALUES (NEW.id, 'created');
CREATE RULE note_change AS ON UPDATE TO app.orders DO ALSO INSERT INTO order_log VALUES (OLD.id, 'changed');
