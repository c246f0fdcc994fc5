-- now() and CURRENT_TIMESTAMP are stored differently; swapping them is a default change, CURRENT_DATE -> now()::date too
CREATE TABLE audit (
    id integer PRIMARY KEY,
    created_at timestamptz DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz DEFAULT now(),
    day date DEFAULT (now())::date
);
