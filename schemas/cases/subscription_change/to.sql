-- everything changes in place: the connection, publications, options, comment and owner of
-- one; another disabled (and enabled again by the rollback); a third moved to another
-- slot, which it must be disabled for; a fourth given a slot and enabled
CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);
CREATE SUBSCRIPTION moving
    CONNECTION 'host=127.0.0.1 port=1 dbname=upstream'
    PUBLICATION orders_pub
    WITH (connect = false, slot_name = NONE, binary = true);
ALTER SUBSCRIPTION moving CONNECTION 'host=127.0.0.1 port=1 dbname=elsewhere';
ALTER SUBSCRIPTION moving ADD PUBLICATION customers_pub, returns_pub WITH (refresh = false);
ALTER SUBSCRIPTION moving DROP PUBLICATION returns_pub WITH (refresh = false);
ALTER SUBSCRIPTION moving SET (binary = false, streaming = on, disable_on_error = true);
COMMENT ON SUBSCRIPTION moving IS 'after';
ALTER SUBSCRIPTION moving OWNER TO app_superuser;
CREATE SUBSCRIPTION toggled
    CONNECTION 'host=127.0.0.1 port=1 dbname=upstream'
    PUBLICATION orders_pub, customers_pub
    WITH (connect = false, slot_name = toggled_slot);
CREATE SUBSCRIPTION reslotted
    CONNECTION 'host=127.0.0.1 port=1 dbname=upstream'
    PUBLICATION orders_pub
    WITH (connect = false, slot_name = new_slot);
ALTER SUBSCRIPTION reslotted ENABLE;
CREATE SUBSCRIPTION old_name
    CONNECTION 'host=127.0.0.1 port=1 dbname=upstream'
    PUBLICATION orders_pub
    WITH (connect = false, slot_name = NONE);
ALTER SUBSCRIPTION old_name RENAME TO slotless;
ALTER SUBSCRIPTION slotless SET (slot_name = slotless_slot, synchronous_commit = 'local');
ALTER SUBSCRIPTION slotless ENABLE;
