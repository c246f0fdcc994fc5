CREATE TABLE orders (id bigint PRIMARY KEY, status text);
CREATE TABLE order_log (order_id bigint, note text);
CREATE RULE log_insert AS ON INSERT TO orders DO ALSO INSERT INTO order_log VALUES (NEW.id, 'created');
