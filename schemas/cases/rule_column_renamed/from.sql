CREATE TABLE orders (id bigint PRIMARY KEY, state text);
CREATE TABLE order_log (order_id bigint, note text);
CREATE RULE log_state AS ON UPDATE TO orders WHERE OLD.state IS DISTINCT FROM NEW.state
    DO ALSO INSERT INTO order_log VALUES (NEW.id, NEW.state);
