-- a column a rule reads is renamed (staged): the rule goes before the old column does and
-- comes back reading the new one
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    status text -- schemadiff:renamed-from state
);
CREATE TABLE order_log (order_id bigint, note text);
CREATE RULE log_state AS ON UPDATE TO orders WHERE OLD.status IS DISTINCT FROM NEW.status
    DO ALSO INSERT INTO order_log VALUES (NEW.id, NEW.status);
