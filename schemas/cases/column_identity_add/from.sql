CREATE TABLE tickets (
    id integer NOT NULL PRIMARY KEY,
    subject text
);
