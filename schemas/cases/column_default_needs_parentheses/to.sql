-- defaults that DEFAULT accepts only in parentheses (AT TIME ZONE, operators) are emitted in them
CREATE TABLE events (
    id integer PRIMARY KEY,
    at_utc timestamp DEFAULT (now() AT TIME ZONE 'utc'),
    expires timestamptz DEFAULT now() + interval '30 days',
    ids integer[] DEFAULT ARRAY[1, 2]
);
