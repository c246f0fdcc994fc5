-- the action changes: CREATE OR REPLACE RULE, and back in the rollback
CREATE SCHEMA app;
CREATE TABLE app.orders (id integer PRIMARY KEY, status text NOT NULL DEFAULT 'new', total numeric(12,2));
CREATE TABLE order_log (order_id integer, note text, at timestamptz DEFAULT now());
CREATE RULE log_insert AS ON INSERT TO app.orders
    DO ALSO INSERT INTO order_log (order_id, note) VALUES (NEW.id, 'created with ' || NEW.status);
-- the event changes too: CREATE OR REPLACE RULE can do that as well
CREATE RULE note_change AS ON DELETE TO app.orders DO ALSO INSERT INTO order_log VALUES (OLD.id, 'deleted');
