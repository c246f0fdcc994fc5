CREATE TABLE users (
    id integer PRIMARY KEY,
    username varchar(50) NOT NULL UNIQUE,
    country_code varchar(3)
);
