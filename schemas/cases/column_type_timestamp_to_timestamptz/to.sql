-- timestamp without time zone -> timestamptz, default now() unchanged
CREATE TABLE logins (
    id integer PRIMARY KEY,
    logged_in_at timestamptz NOT NULL DEFAULT now()
);
