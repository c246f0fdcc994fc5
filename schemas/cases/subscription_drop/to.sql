-- each subscription is detached from its slot (disabled first when enabled) and dropped,
-- so that no step contacts the publisher; the rollback attaches them to their slots again
CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);
CREATE SUBSCRIPTION gone
    CONNECTION 'host=127.0.0.1 port=1 dbname=upstream'
    PUBLICATION orders_pub
    WITH (connect = false, slot_name = NONE);
DROP SUBSCRIPTION gone;
DROP SUBSCRIPTION IF EXISTS never_created;
