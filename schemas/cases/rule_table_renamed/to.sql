-- a table with a rule is renamed: the rule names the old table, so it goes before the
-- rename and comes back on the new name
-- schemadiff:renamed-from orders
CREATE TABLE purchases (id bigint PRIMARY KEY, status text);
CREATE TABLE order_log (order_id bigint, note text);
CREATE RULE log_insert AS ON INSERT TO purchases DO ALSO INSERT INTO order_log VALUES (NEW.id, 'created');
