-- dropping a table drops its owned sequence too; no separate DROP SEQUENCE may fail afterwards
CREATE TABLE keep_me (id integer PRIMARY KEY);
