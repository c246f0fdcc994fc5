-- the grant option goes, the privileges stay
CREATE TABLE products (id bigint PRIMARY KEY, name text);

GRANT SELECT, UPDATE ON products TO app_admin WITH GRANT OPTION;
REVOKE GRANT OPTION FOR SELECT, UPDATE ON products FROM app_admin;
