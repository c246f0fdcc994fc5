-- expect: nothing
SET lock_timeout = '5s';
SET statement_timeout = '30s';
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
ALTER TABLE orders ADD COLUMN priority integer NOT NULL DEFAULT 0;
ALTER TABLE orders ADD CONSTRAINT orders_priority_range CHECK (priority BETWEEN 0 AND 9) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_priority_range;
COMMENT ON COLUMN orders.priority IS 'higher ships first';
CREATE OR REPLACE VIEW open_orders AS SELECT * FROM orders WHERE shipped_at IS NULL;
GRANT SELECT ON open_orders TO app_reader;
