CREATE TABLE products (id bigint PRIMARY KEY, name text);

GRANT SELECT, UPDATE ON products TO app_admin WITH GRANT OPTION;
