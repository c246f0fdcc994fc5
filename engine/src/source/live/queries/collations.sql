-- Collations of user schemas. The ICU (or builtin) locale column is `colliculocale` on
-- PostgreSQL 15 and `colllocale` from 17, read through to_jsonb so one query serves both;
-- before 15 an ICU collation's locale is its `collcollate`.
SELECT n.nspname::text AS schema,
       c.collname::text AS name,
       CASE c.collprovider WHEN 'i' THEN 'icu' WHEN 'b' THEN 'builtin' ELSE 'libc' END
           AS provider,
       CASE WHEN c.collprovider <> 'c' THEN
           COALESCE(to_jsonb(c) ->> 'colllocale', to_jsonb(c) ->> 'colliculocale',
                    c.collcollate::text)
       END AS locale,
       CASE WHEN c.collprovider = 'c' THEN c.collcollate::text END AS lc_collate,
       CASE WHEN c.collprovider = 'c' THEN c.collctype::text END AS lc_ctype,
       c.collisdeterministic AS deterministic,
       c.collprovider = 'c' AND c.collencoding = -1 AS any_encoding,
       obj_description(c.oid, 'pg_collation') AS comment
FROM pg_catalog.pg_collation c
JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
WHERE n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
  AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_collation'::regclass
        AND d.objid = c.oid
        AND d.deptype = 'e')
ORDER BY 1, 2
