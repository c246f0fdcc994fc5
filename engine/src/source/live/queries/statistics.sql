-- Extended statistics as the server prints them, with their target (-1 before PostgreSQL
-- 17, NULL from 17, for the default), comment, and owner unless it is the reading role.
-- The loader keeps those on the tables tables.sql returned and on materialized views; those
-- an extension created belong to the extension.
SELECT s.stxrelid AS table_oid,
       c.relkind = 'm' AS on_matview,
       s.stxname::text AS name,
       pg_catalog.pg_get_statisticsobjdef(s.oid) AS definition,
       CASE WHEN s.stxstattarget >= 0 THEN s.stxstattarget::int4 END AS target,
       obj_description(s.oid, 'pg_statistic_ext') AS comment,
       CASE WHEN s.stxowner <> (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)
            THEN pg_catalog.pg_get_userbyid(s.stxowner)::text
       END AS owner
FROM pg_catalog.pg_statistic_ext s
JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace
JOIN pg_catalog.pg_class c ON c.oid = s.stxrelid
WHERE n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
  AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_statistic_ext'::regclass
        AND d.objid = s.oid
        AND d.deptype = 'e')
ORDER BY 1, 3
