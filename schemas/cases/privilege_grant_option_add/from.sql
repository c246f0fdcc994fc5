CREATE TABLE products (id bigint PRIMARY KEY, name text);

GRANT SELECT ON products TO app_admin;
