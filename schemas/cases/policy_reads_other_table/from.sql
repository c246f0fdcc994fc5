CREATE TABLE documents (id integer PRIMARY KEY, owner text NOT NULL, team integer, body text);
