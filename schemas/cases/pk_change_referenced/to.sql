-- the PK that an FK depends on is replaced: the FK is dropped first and the new FK added after the new key
CREATE TABLE countries (
    id integer NOT NULL,
    code char(2) PRIMARY KEY
);
CREATE TABLE cities (
    id integer PRIMARY KEY,
    country_code char(2) NOT NULL REFERENCES countries (code)
);
