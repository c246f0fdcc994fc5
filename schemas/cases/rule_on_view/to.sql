-- INSERT and UPDATE rules make a view writable; RETURNING * reads as the server expands it
CREATE SCHEMA app;
CREATE TABLE app.orders (id integer PRIMARY KEY, status text NOT NULL DEFAULT 'new', total numeric(12,2));
CREATE TABLE order_log (order_id integer, note text, at timestamptz DEFAULT now());
CREATE VIEW app.open_orders AS SELECT id, status, total FROM app.orders WHERE status <> 'closed';
CREATE RULE open_orders_insert AS ON INSERT TO app.open_orders DO INSTEAD
    INSERT INTO app.orders VALUES (NEW.id, NEW.status, NEW.total) RETURNING *;
CREATE RULE open_orders_update AS ON UPDATE TO app.open_orders DO INSTEAD
    UPDATE app.orders SET status = NEW.status, total = NEW.total WHERE id = OLD.id
    RETURNING id, status, total;
