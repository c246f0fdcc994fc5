-- expect: nothing
CREATE TABLE shipments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id bigint NOT NULL,
  tracking text
);
ALTER TABLE shipments ADD COLUMN carrier text NOT NULL;
ALTER TABLE shipments ADD COLUMN token uuid DEFAULT gen_random_uuid();
ALTER TABLE shipments ADD CONSTRAINT shipments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE shipments ALTER COLUMN tracking SET NOT NULL;
ALTER TABLE shipments ALTER COLUMN order_id TYPE numeric;
CREATE INDEX shipments_order_id_idx ON shipments (order_id);
ALTER TABLE shipments ADD CONSTRAINT shipments_tracking_key UNIQUE (tracking);
ALTER TABLE shipments RENAME COLUMN tracking TO tracking_code;
DROP INDEX shipments_order_id_idx;
DROP TABLE shipments;
