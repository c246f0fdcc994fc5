CREATE TABLE settings (
    id integer PRIMARY KEY,
    theme text NOT NULL DEFAULT 'light',
    retries integer DEFAULT 3
);
