-- defaults change value: 'light'->'dark', 3->-3, false->true, ARRAY['a']->'{}'::text[]
CREATE TABLE settings (
    id integer PRIMARY KEY,
    theme text DEFAULT 'dark',
    retries integer DEFAULT -3,
    enabled boolean DEFAULT true,
    labels text[] DEFAULT '{}'::text[]
);
