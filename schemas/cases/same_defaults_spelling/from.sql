CREATE TABLE t (
    id integer PRIMARY KEY,
    a text DEFAULT 'x',
    b numeric(6,2) DEFAULT 1.5,
    c boolean DEFAULT true,
    d text[] DEFAULT '{}',
    e timestamptz DEFAULT CURRENT_TIMESTAMP,
    f integer DEFAULT -1
);
