-- SELECT gains the grant option (no revoke and re-grant), INSERT comes with it
CREATE TABLE products (id bigint PRIMARY KEY, name text);

GRANT SELECT, INSERT ON products TO app_admin WITH GRANT OPTION;
