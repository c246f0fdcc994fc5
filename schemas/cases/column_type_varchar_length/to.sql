-- varchar(50) -> varchar(100) widens the column; varchar(3) -> varchar(2) narrows it
CREATE TABLE users (
    id integer PRIMARY KEY,
    username varchar(100) NOT NULL UNIQUE,
    country_code varchar(2)
);
