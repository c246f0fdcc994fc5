-- Ordinary tables. Partitions, partitioned tables (relkind 'p') and tables that inherit
-- from another are not modelled yet: unsupported.sql reports them.
SELECT c.oid AS oid,
       n.nspname::text AS schema,
       c.relname::text AS name,
       c.relpersistence = 'u' AS unlogged,
       c.relrowsecurity AS row_security,
       c.relforcerowsecurity AS force_row_security,
       obj_description(c.oid, 'pg_class') AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r'
  AND NOT c.relispartition
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid)
  AND n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive')
  AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_class'::regclass
        AND d.objid = c.oid
        AND d.deptype = 'e')
ORDER BY 2, 3
