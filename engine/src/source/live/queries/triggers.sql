-- User triggers with the definition the server prints and their enabled state. Internal
-- triggers implement foreign keys; those cloned onto partitions come with their parent's.
-- The loader keeps those on the tables and views it modelled.
SELECT n.nspname::text AS schema,
       c.relname::text AS relation,
       t.tgname::text AS name,
       pg_catalog.pg_get_triggerdef(t.oid) AS definition,
       t.tgenabled::text AS enabled,
       ds.description AS comment
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description ds
       ON ds.objoid = t.oid AND ds.classoid = 'pg_catalog.pg_trigger'::regclass
      AND ds.objsubid = 0
WHERE NOT t.tgisinternal
  AND t.tgparentid = 0
  AND n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
ORDER BY 1, 2, 3
