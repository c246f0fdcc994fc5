CREATE TABLE audit (
    id integer PRIMARY KEY,
    created_at timestamptz DEFAULT now(),
    updated_at timestamptz DEFAULT CURRENT_TIMESTAMP,
    day date DEFAULT CURRENT_DATE
);
