-- expect: breaks-application@3 breaks-application@5 breaks-application@6 dependents-recreated@7 breaks-application@8
SET lock_timeout = '5s';
CREATE RULE keep_orders AS ON DELETE TO orders DO INSTEAD NOTHING;
CREATE TABLE order_log (order_id bigint, note text);
CREATE OR REPLACE RULE log_insert AS ON INSERT TO orders DO ALSO INSERT INTO order_log VALUES (NEW.id, 'created');
ALTER TABLE orders DISABLE RULE audit;
DROP RULE archive ON orders;
CREATE RULE archive AS ON DELETE TO orders DO ALSO INSERT INTO order_log VALUES (OLD.id, 'deleted');
CREATE RULE quiet AS ON INSERT TO order_log DO INSTEAD NOTHING;
