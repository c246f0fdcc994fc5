-- precision modifiers change: timestamp -> timestamp(3), timestamptz(6) -> timestamptz(0), interval -> interval(2)
CREATE TABLE measurements (
    id integer PRIMARY KEY,
    taken_at timestamp(3),
    recorded_at timestamptz(0),
    duration interval(2)
);
