-- every form of CREATE RULE: ALSO with one action, INSTEAD with a condition and several
-- actions, INSTEAD NOTHING, NOTIFY, a disabled rule and a comment
CREATE SCHEMA app;
CREATE TABLE app.orders (id integer PRIMARY KEY, status text NOT NULL DEFAULT 'new', total numeric(12,2));
CREATE TABLE order_log (order_id integer, note text, at timestamptz DEFAULT now());

CREATE RULE log_insert AS ON INSERT TO app.orders
    DO ALSO INSERT INTO order_log VALUES (NEW.id, 'created');
CREATE RULE "Status Change" AS ON UPDATE TO app.orders
    WHERE OLD.status IS DISTINCT FROM NEW.status
    DO INSTEAD (
        UPDATE app.orders SET status = NEW.status, total = NEW.total WHERE id = OLD.id;
        INSERT INTO order_log (order_id, note) VALUES (NEW.id, OLD.status || ' -> ' || NEW.status)
    );
CREATE RULE keep_orders AS ON DELETE TO app.orders DO INSTEAD NOTHING;
CREATE RULE announce AS ON INSERT TO order_log DO NOTIFY order_log_changed;
ALTER TABLE order_log DISABLE RULE announce;
COMMENT ON RULE keep_orders ON app.orders IS 'orders are never deleted';
