CREATE COLLATION posix_copy FROM "POSIX";
CREATE COLLATION unused (provider = libc, locale = 'C');
CREATE TABLE t (a text, b text COLLATE posix_copy);
