CREATE SCHEMA app;
CREATE TABLE app.orders (id integer PRIMARY KEY, status text NOT NULL DEFAULT 'new', total numeric(12,2));
CREATE TABLE order_log (order_id integer, note text, at timestamptz DEFAULT now());
CREATE RULE big_orders AS ON INSERT TO app.orders WHERE NEW.total > 100
    DO ALSO INSERT INTO order_log VALUES (NEW.id, 'big');
