-- ALSO becomes INSTEAD with another action: replaced in place
CREATE SCHEMA app;
CREATE TABLE app.orders (id integer PRIMARY KEY, status text NOT NULL DEFAULT 'new', total numeric(12,2));
CREATE TABLE order_log (order_id integer, note text, at timestamptz DEFAULT now());
CREATE RULE soft_delete AS ON DELETE TO app.orders
    DO INSTEAD UPDATE app.orders SET status = 'deleted' WHERE id = OLD.id;
