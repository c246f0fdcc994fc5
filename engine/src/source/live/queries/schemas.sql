-- User schemas with their comments.
-- Every name starting with `pg_` is reserved for the system (pg_catalog, pg_toast*,
-- pg_temp_*); schemadiff_archive and schemadiff (apply's history) belong to the tool; an
-- extension's schemas are the extension's.
SELECT n.nspname::text AS name,
       obj_description(n.oid, 'pg_namespace') AS comment
FROM pg_catalog.pg_namespace n
WHERE n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
  AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_namespace'::regclass
        AND d.objid = n.oid
        AND d.deptype = 'e')
ORDER BY 1
