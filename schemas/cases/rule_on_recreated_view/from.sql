CREATE TABLE orders (id integer PRIMARY KEY, status text, total numeric(12,2), note text);
CREATE VIEW open_orders AS SELECT id, status, note FROM orders WHERE status <> 'closed';
CREATE TABLE order_log (order_id integer, note text);
CREATE RULE open_orders_insert AS ON INSERT TO open_orders DO INSTEAD
    INSERT INTO orders (id, status) VALUES (NEW.id, NEW.status);
CREATE VIEW log_view AS SELECT order_id, note FROM order_log;
CREATE RULE log_status AS ON UPDATE TO orders WHERE OLD.status IS DISTINCT FROM NEW.status
    DO ALSO INSERT INTO order_log SELECT order_id, NEW.status FROM log_view WHERE order_id = NEW.id;
