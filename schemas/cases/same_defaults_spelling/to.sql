-- no change: defaults spelled with explicit casts or extra parentheses normalise to the same stored expression
CREATE TABLE t (
    id integer PRIMARY KEY,
    a text DEFAULT 'x'::text,
    b numeric(6,2) DEFAULT (1.5),
    c boolean DEFAULT TRUE,
    d text[] DEFAULT '{}'::text[],
    e timestamp with time zone DEFAULT current_timestamp,
    f integer DEFAULT (-1)
);
