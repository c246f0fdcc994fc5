-- defaults are set on existing columns: string, negative number, negative decimal, boolean
CREATE TABLE settings (
    id integer PRIMARY KEY,
    theme text DEFAULT 'light',
    retries integer DEFAULT -1,
    ratio numeric(4,2) DEFAULT -0.5,
    enabled boolean DEFAULT true
);
