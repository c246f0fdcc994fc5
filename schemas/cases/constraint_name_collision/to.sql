-- colliding generated names get numeric suffixes: two uniques on a (t_a_key, t_a_key1), two checks on b (t_b_check, t_b_check1)
CREATE TABLE t (
    a integer UNIQUE,
    b integer CHECK (b > 0) CHECK (b < 100)
);
-- a second identical unique constraint: CREATE TABLE would merge it, ALTER TABLE does not
ALTER TABLE t ADD UNIQUE (a);
