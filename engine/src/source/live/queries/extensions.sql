-- Installed extensions, except plpgsql (every database has it; files never mention it).
-- The comment is reported as it is, the one the control file gave included: the differ
-- manages an extension's comment only when the desired state sets one.
SELECT e.extname::text AS name,
       n.nspname::text AS schema,
       e.extversion AS version,
       obj_description(e.oid, 'pg_extension') AS comment
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql'
ORDER BY 1
