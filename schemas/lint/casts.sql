-- expect: breaks-application@4 breaks-application@5
CREATE CAST (mood AS int4) WITH INOUT;
DROP CAST (mood AS integer);
DROP CAST IF EXISTS (text AS mood);
DROP CAST (money.amount AS text);
