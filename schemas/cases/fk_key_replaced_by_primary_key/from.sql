CREATE TABLE cases (id integer NOT NULL UNIQUE, title text);
CREATE TABLE notes (id integer PRIMARY KEY, case_id integer REFERENCES cases (id));
