-- subscriptions are created without contacting the publisher (none is reachable here):
-- one without a slot yet, and one on a slot that exists there, enabled; the connection
-- quotes a value, as libpq reads it
CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);
CREATE SUBSCRIPTION detached
    CONNECTION 'host=127.0.0.1 port=1 dbname=upstream'
    PUBLICATION orders_pub, customers_pub
    WITH (connect = false, slot_name = NONE, binary = true, streaming = on,
          disable_on_error = true, synchronous_commit = 'remote_apply');
COMMENT ON SUBSCRIPTION detached IS 'no slot yet';
ALTER SUBSCRIPTION detached OWNER TO app_superuser;
CREATE SUBSCRIPTION attached
    CONNECTION 'dbname = upstream host=127.0.0.1 port = 1 application_name=''orders mirror'''
    PUBLICATION orders_pub
    WITH (connect = false, slot_name = attached_slot, two_phase = true);
ALTER SUBSCRIPTION attached ENABLE;
CREATE SUBSCRIPTION by_uri
    CONNECTION 'postgresql://127.0.0.1:1/upstream?application_name=mirror'
    PUBLICATION orders_pub
    WITH (connect = false, slot_name = NONE);
