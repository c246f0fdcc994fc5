-- a column of a table whose UPDATEs a rule swallows is dropped: with --retain-dropped, the
-- rollback writes the archived values back with the rule disabled for that moment
CREATE TABLE orders (id bigint PRIMARY KEY, status text);
CREATE RULE frozen AS ON UPDATE TO orders DO INSTEAD NOTHING;
