-- a chain of FK-linked tables is dropped in reverse dependency order
CREATE TABLE readers (id integer PRIMARY KEY);
