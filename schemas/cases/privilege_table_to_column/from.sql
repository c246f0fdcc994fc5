CREATE TABLE settings (key text PRIMARY KEY, value text);

GRANT SELECT, UPDATE ON settings TO app_writer;
