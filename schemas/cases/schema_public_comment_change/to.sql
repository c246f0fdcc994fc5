-- the comment on the pre-existing public schema is changed (public itself is neither created nor dropped)
CREATE TABLE t (id integer PRIMARY KEY);
COMMENT ON SCHEMA public IS 'Application tables';
