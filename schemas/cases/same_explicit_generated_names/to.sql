-- no change: constraints and indexes given explicit names identical to the ones PostgreSQL would generate
CREATE TABLE r (id integer CONSTRAINT r_pkey PRIMARY KEY);
CREATE TABLE t (
    id integer CONSTRAINT t_pkey PRIMARY KEY,
    a integer CONSTRAINT t_a_key UNIQUE,
    b integer CONSTRAINT t_b_fkey REFERENCES r (id),
    c integer CONSTRAINT t_c_check CHECK (c <> 0),
    d text
);
CREATE INDEX t_d_idx ON t USING btree (d);
CREATE INDEX t_lower_idx ON t (lower(d));
