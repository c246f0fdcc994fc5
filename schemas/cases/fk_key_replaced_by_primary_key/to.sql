-- the unique key a foreign key uses becomes a primary key: the foreign key is dropped first and added back
CREATE TABLE cases (id integer PRIMARY KEY, title text);
CREATE TABLE notes (id integer PRIMARY KEY, case_id integer REFERENCES cases (id));
