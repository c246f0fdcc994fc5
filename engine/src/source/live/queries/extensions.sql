-- Installed extensions, except plpgsql (every database has it; files never mention it).
-- The comment an extension's control file gives it is not reported: a desired-state file
-- says `CREATE EXTENSION citext` and cannot know that text, so only a comment set with
-- COMMENT ON EXTENSION counts.
SELECT e.extname::text AS name,
       n.nspname::text AS schema,
       e.extversion AS version,
       NULLIF(obj_description(e.oid, 'pg_extension'),
              (SELECT a.comment FROM pg_catalog.pg_available_extensions a
               WHERE a.name = e.extname)) AS comment
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql'
ORDER BY 1
