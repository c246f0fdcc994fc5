-- a changed cache size uses ALTER SEQUENCE ... CACHE
CREATE SEQUENCE event_seq CACHE 100;
