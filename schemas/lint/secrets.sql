-- expect: secret-required@4 secret-required@6 secret-required@8
CREATE FOREIGN DATA WRAPPER dummy;
CREATE SERVER reports FOREIGN DATA WRAPPER dummy OPTIONS (host 'reports.internal');
CREATE USER MAPPING FOR app SERVER reports OPTIONS (user 'app', password 'not-in-git');
ALTER USER MAPPING FOR app SERVER reports OPTIONS (DROP password);
ALTER SERVER reports OPTIONS (ADD api_token 'not-in-git');
CREATE USER MAPPING FOR PUBLIC SERVER reports OPTIONS (user 'guest');
CREATE SUBSCRIPTION mirror CONNECTION 'host=reports.internal password=not-in-git' PUBLICATION orders WITH (connect = false, slot_name = NONE);
ALTER SUBSCRIPTION mirror CONNECTION 'host=reports.internal passfile=/etc/schemadiff/pgpass';
