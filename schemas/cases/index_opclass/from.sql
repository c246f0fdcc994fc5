CREATE TABLE paths (
    id integer PRIMARY KEY,
    path text NOT NULL,
    code varchar(20) NOT NULL
);
