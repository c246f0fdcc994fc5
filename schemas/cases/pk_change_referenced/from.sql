CREATE TABLE countries (
    id integer PRIMARY KEY,
    code char(2) NOT NULL
);
CREATE TABLE cities (
    id integer PRIMARY KEY,
    country_id integer NOT NULL REFERENCES countries (id)
);
