-- a descending sequence with negative increment, bounds and start is created
CREATE SEQUENCE countdown_seq
    AS integer
    INCREMENT BY -1
    MINVALUE -1000
    MAXVALUE -1
    START WITH -1;
