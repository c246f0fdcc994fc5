CREATE TABLE measurements (
    id integer PRIMARY KEY,
    taken_at timestamp,
    recorded_at timestamptz(6),
    duration interval
);
