-- a new table with many kinds of default expressions that must round-trip exactly
CREATE TABLE defaults_demo (
    id integer PRIMARY KEY,
    a_text text DEFAULT 'it''s',
    a_empty_text text DEFAULT '',
    a_int integer DEFAULT -42,
    a_bigint bigint DEFAULT 9007199254740993,
    a_numeric numeric(6,2) DEFAULT -12.50,
    a_float double precision DEFAULT 1.5e10,
    a_bool boolean DEFAULT false,
    a_json jsonb DEFAULT '{"k": [1, 2]}'::jsonb,
    a_text_array text[] DEFAULT '{}'::text[],
    a_int_array integer[] DEFAULT ARRAY[1, 2, 3],
    a_date date DEFAULT '2000-01-01',
    a_interval interval DEFAULT '1 day',
    a_ts timestamp DEFAULT LOCALTIMESTAMP,
    a_tstz timestamptz DEFAULT (now() + interval '30 days'),
    a_uuid uuid DEFAULT gen_random_uuid(),
    a_user text DEFAULT CURRENT_USER,
    a_lower text DEFAULT lower('ABC'),
    a_null text DEFAULT NULL
);
