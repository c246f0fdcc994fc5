-- no change: type aliases (int/int4/integer, int8/bigint, bool/boolean, varchar/character varying, decimal/numeric ...) are the same type
CREATE TABLE t (
    a integer,
    b integer,
    c bigint,
    d smallint,
    e boolean,
    f character varying(20),
    g character(3),
    h double precision,
    i real,
    j numeric(10,2),
    k timestamp with time zone,
    l time with time zone,
    m bit varying(8),
    n integer[]
);
