CREATE TABLE people (
    id bigint PRIMARY KEY,
    first_name text NOT NULL,
    last_name text NOT NULL,
    born date
);
CREATE STATISTICS people_names ON (lower(first_name)), (lower(last_name)) FROM people;
CREATE STATISTICS people_born ON (extract(year FROM born)) FROM people;
