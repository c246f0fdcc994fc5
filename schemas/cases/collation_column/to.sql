-- collations are created before the columns that use them and dropped after; a changed
-- collation is dropped and created
CREATE COLLATION natural_sort (provider = icu, locale = 'en-u-kn-true');
CREATE COLLATION unused (provider = libc, locale = 'POSIX', deterministic = true);
CREATE SCHEMA app;
CREATE COLLATION app.case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
COMMENT ON COLLATION natural_sort IS 'numbers in order';
CREATE TABLE t (a text, b text COLLATE natural_sort, c varchar(10) COLLATE app.case_insensitive);
