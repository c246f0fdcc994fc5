-- of the suffixed duplicates t_a_key / t_a_key1, only t_a_key1 (the duplicate) is absent from the desired state and is dropped
CREATE TABLE t (
    a integer,
    b integer
);
ALTER TABLE t ADD UNIQUE (a);
ALTER TABLE t ADD UNIQUE (a, b);
