-- Views with the query the server prints, their options and output columns.
SELECT n.nspname::text AS schema,
       c.relname::text AS name,
       pg_catalog.pg_get_viewdef(c.oid) AS query,
       COALESCE(c.reloptions::text[], '{}') AS options,
       obj_description(c.oid, 'pg_class') AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'v'
  AND n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive')
  AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_class'::regclass
        AND d.objid = c.oid
        AND d.deptype = 'e')
ORDER BY 1, 2
