-- changed MINVALUE (1 -> 0) and MAXVALUE (1000 -> type default via NO MAXVALUE) are altered in place
CREATE SEQUENCE code_seq MINVALUE 0 START WITH 1 NO MAXVALUE;
