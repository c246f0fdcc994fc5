CREATE SCHEMA app;
CREATE TABLE app.orders (id integer PRIMARY KEY, status text NOT NULL DEFAULT 'new', total numeric(12,2));
CREATE TABLE order_log (order_id integer, note text, at timestamptz DEFAULT now());
CREATE RULE soft_delete AS ON DELETE TO app.orders
    DO ALSO UPDATE order_log SET note = 'deleted' WHERE order_id = OLD.id;
