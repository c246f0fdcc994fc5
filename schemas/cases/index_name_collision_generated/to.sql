-- an unnamed index on a cannot take t_a_idx (an explicitly named index on b has it), so it becomes t_a_idx1
CREATE TABLE t (
    a integer,
    b integer
);
CREATE INDEX t_a_idx ON t (b);
CREATE INDEX ON t (a);
