-- every unnamed constraint/index gets PostgreSQL's generated name: t_pkey, t_b_key, t_b_c_key, t_c_fkey, t_a_check, t_check, t_b_idx, t_lower_idx, t_a_b_idx, t_expr_idx
CREATE TABLE r (id integer PRIMARY KEY);
CREATE TABLE t (
    a integer PRIMARY KEY CHECK (a > 0),
    b integer UNIQUE,
    c integer REFERENCES r (id),
    d text,
    UNIQUE (b, c),
    CHECK (b < c)
);
CREATE INDEX ON t (b);
CREATE INDEX ON t (lower(d));
CREATE INDEX ON t (a, b);
CREATE INDEX ON t ((a + b));
