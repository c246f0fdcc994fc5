-- an attribute dropped, one added, one retyped, one given a collation; the comment removed
CREATE TYPE address AS (street text, city varchar(60), country text COLLATE "C", region text);
