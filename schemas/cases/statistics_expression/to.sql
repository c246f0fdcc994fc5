-- statistics on expressions (PostgreSQL 14+): a changed expression drops and creates, one
-- calling a function of the schema comes after it, `(column)` is the column
CREATE FUNCTION initial(name text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT left(name, 1) $$;
CREATE TABLE people (
    id bigint PRIMARY KEY,
    first_name text NOT NULL,
    last_name text NOT NULL,
    born date
);
CREATE STATISTICS people_names ON (lower(first_name)), (upper(last_name)) FROM people;
CREATE STATISTICS people_born ON (EXTRACT(year FROM born)) FROM people;
CREATE STATISTICS people_initials (mcv) ON (initial(first_name)), (last_name) FROM people;
