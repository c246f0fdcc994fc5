-- a function dropped with everything that calls it: a view, a column default, a check
-- constraint, an index and a trigger
CREATE TABLE tags (
    id bigint PRIMARY KEY,
    code text NOT NULL
);
