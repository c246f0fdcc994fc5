-- a database without foreign data wrappers, servers or user mappings
CREATE TABLE notes (id integer PRIMARY KEY, body text);
