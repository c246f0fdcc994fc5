-- Functions and procedures (not aggregates or window functions, which are not modelled yet),
-- with the definition the server prints. Functions that belong to an extension or are part
-- of another object (a range type's constructors) are left out.
SELECT n.nspname::text AS schema,
       p.proname::text AS name,
       pg_catalog.pg_get_functiondef(p.oid) AS definition,
       obj_description(p.oid, 'pg_proc') AS comment
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE p.prokind IN ('f', 'p')
  AND n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
  AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_proc'::regclass
        AND d.objid = p.oid
        AND d.deptype IN ('e', 'i'))
ORDER BY 1, 2
