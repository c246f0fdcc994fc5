CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);
CREATE SUBSCRIPTION running
    CONNECTION 'host=127.0.0.1 port=1 dbname=upstream'
    PUBLICATION orders_pub
    WITH (connect = false, slot_name = running_slot, streaming = on);
ALTER SUBSCRIPTION running ENABLE;
ALTER SUBSCRIPTION running OWNER TO app_superuser;
CREATE SUBSCRIPTION parked
    CONNECTION 'host=127.0.0.1 port=1 dbname=upstream'
    PUBLICATION orders_pub, customers_pub
    WITH (connect = false, slot_name = parked_slot);
CREATE SUBSCRIPTION detached
    CONNECTION 'host=127.0.0.1 port=1 dbname=upstream'
    PUBLICATION orders_pub
    WITH (connect = false, slot_name = NONE);
COMMENT ON SUBSCRIPTION detached IS 'never attached';
