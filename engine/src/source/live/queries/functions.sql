-- Functions and procedures (not aggregates or window functions, which are not modelled yet),
-- with the definition the server prints. Functions that belong to an extension or are part
-- of another object (a range type's constructors) are left out.
SELECT n.nspname::text AS schema,
       p.proname::text AS name,
       pg_catalog.pg_get_functiondef(p.oid) AS definition,
       ds.description AS comment
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
LEFT JOIN pg_catalog.pg_description ds
       ON ds.objoid = p.oid AND ds.classoid = 'pg_catalog.pg_proc'::regclass
      AND ds.objsubid = 0
WHERE p.prokind IN ('f', 'p')
  AND n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
  AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_proc'::regclass
        AND d.objid = p.oid
        AND d.deptype IN ('e', 'i'))
ORDER BY 1, 2
