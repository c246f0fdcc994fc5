-- CYCLE is turned off on one sequence and on for another
CREATE SEQUENCE slot_seq MINVALUE 1 MAXVALUE 64 NO CYCLE;
CREATE SEQUENCE shard_seq MINVALUE 0 MAXVALUE 15 CYCLE;
