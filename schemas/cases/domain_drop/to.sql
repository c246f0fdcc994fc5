-- the column goes before the domain it uses
CREATE TABLE users (id int PRIMARY KEY);
