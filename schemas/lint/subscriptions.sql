-- expect: breaks-application@6
CREATE SUBSCRIPTION scratch CONNECTION 'host=replica.internal dbname=shop' PUBLICATION orders
    WITH (connect = false, slot_name = NONE);
DROP SUBSCRIPTION scratch;
ALTER SUBSCRIPTION mirror DISABLE;
ALTER SUBSCRIPTION mirror SET (slot_name = NONE); DROP SUBSCRIPTION mirror;
