-- UPDATE on the whole table narrows to one column
CREATE TABLE settings (key text PRIMARY KEY, value text);

GRANT SELECT ON settings TO app_writer;
GRANT UPDATE (value) ON settings TO app_writer;
