-- expression indexes: unique lower(email) (generated name users_lower_idx), concatenation, date_trunc
CREATE TABLE users (
    id integer PRIMARY KEY,
    email text NOT NULL,
    first_name text,
    last_name text,
    created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX ON users (lower(email));
CREATE INDEX users_full_name_idx ON users ((first_name || ' ' || last_name));
CREATE INDEX users_created_month_idx ON users (date_trunc('month', created_at AT TIME ZONE 'UTC'));
