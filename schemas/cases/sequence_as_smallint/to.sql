-- the sequence data type changes from bigint to smallint, which also lowers its implicit MAXVALUE
CREATE SEQUENCE level_seq AS smallint;
