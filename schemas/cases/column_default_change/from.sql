CREATE TABLE settings (
    id integer PRIMARY KEY,
    theme text DEFAULT 'light',
    retries integer DEFAULT 3,
    enabled boolean DEFAULT false,
    labels text[] DEFAULT ARRAY['a']
);
