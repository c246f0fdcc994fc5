-- dropped objects take their owners with them; the rollback creates them and gives them back
CREATE TABLE events (id bigint PRIMARY KEY, kind text);
