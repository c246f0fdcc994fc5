CREATE TABLE settings (
    id integer PRIMARY KEY,
    theme text,
    retries integer,
    ratio numeric(4,2),
    enabled boolean
);
