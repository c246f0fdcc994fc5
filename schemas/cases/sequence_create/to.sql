-- a standalone sequence with every option set is created
CREATE SEQUENCE invoice_number_seq
    AS bigint
    INCREMENT BY 1
    MINVALUE 1000
    MAXVALUE 999999999
    START WITH 1000
    CACHE 20
    NO CYCLE;
