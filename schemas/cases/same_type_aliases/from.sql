CREATE TABLE t (
    a int,
    b int4,
    c int8,
    d int2,
    e bool,
    f varchar(20),
    g char(3),
    h float8,
    i float4,
    j decimal(10,2),
    k timestamptz,
    l timetz,
    m varbit(8),
    n int[]
);
