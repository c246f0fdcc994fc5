-- EXECUTE hides what the body uses: the function is created after the plan's tables and
-- marked with the unknown-dependencies hazard
CREATE TABLE staging_rows (id bigint PRIMARY KEY, payload text);
CREATE FUNCTION purge(target regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('TRUNCATE %s', target);
END
$$;
CREATE TABLE archive_rows (id bigint PRIMARY KEY, payload text);
