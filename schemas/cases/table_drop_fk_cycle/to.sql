-- two tables referencing each other are both dropped
CREATE TABLE settings (key text PRIMARY KEY, value text);
