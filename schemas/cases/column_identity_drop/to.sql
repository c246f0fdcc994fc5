-- identity is removed with DROP IDENTITY; the column stays NOT NULL (it is the PK) and its sequence disappears
CREATE TABLE tickets (
    id integer PRIMARY KEY,
    subject text
);
