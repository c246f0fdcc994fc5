CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);
CREATE SUBSCRIPTION moving
    CONNECTION 'host=127.0.0.1 port=1 dbname=upstream'
    PUBLICATION orders_pub
    WITH (connect = false, slot_name = NONE, binary = true);
COMMENT ON SUBSCRIPTION moving IS 'before';
CREATE SUBSCRIPTION toggled
    CONNECTION 'host=127.0.0.1 port=1 dbname=upstream'
    PUBLICATION orders_pub, customers_pub
    WITH (connect = false, slot_name = toggled_slot);
ALTER SUBSCRIPTION toggled ENABLE;
CREATE SUBSCRIPTION reslotted
    CONNECTION 'host=127.0.0.1 port=1 dbname=upstream'
    PUBLICATION orders_pub
    WITH (connect = false, slot_name = old_slot);
ALTER SUBSCRIPTION reslotted ENABLE;
CREATE SUBSCRIPTION slotless
    CONNECTION 'host=127.0.0.1 port=1 dbname=upstream'
    PUBLICATION orders_pub
    WITH (connect = false, slot_name = NONE);
