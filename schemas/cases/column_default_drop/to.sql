-- defaults are removed with ALTER COLUMN ... DROP DEFAULT; NOT NULL stays
CREATE TABLE settings (
    id integer PRIMARY KEY,
    theme text NOT NULL,
    retries integer
);
