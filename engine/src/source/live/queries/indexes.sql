-- Indexes of tables and materialized views, as the server prints them, except the
-- partitions of a partitioned table's index (created with it) and those that implement a
-- primary key, unique or exclusion constraint (the model has them as constraints; a foreign
-- key's conindid names the referenced table's index, hence the conrelid check). The loader
-- keeps those of the tables tables.sql returned; views.sql returns every materialized view
-- that does not belong to an extension.
SELECT i.indrelid AS table_oid,
       c.relkind = 'm' AS on_matview,
       ic.relname::text AS name,
       pg_get_indexdef(i.indexrelid) AS definition,
       ds.description AS comment
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description ds
       ON ds.objoid = i.indexrelid AND ds.classoid = 'pg_catalog.pg_class'::regclass
      AND ds.objsubid = 0
WHERE (c.relkind IN ('r', 'p')
       OR (c.relkind = 'm'
           AND NOT EXISTS (
               SELECT FROM pg_catalog.pg_depend d
               WHERE d.classid = 'pg_catalog.pg_class'::regclass
                 AND d.objid = c.oid
                 AND d.deptype = 'e')))
  AND NOT ic.relispartition
  AND n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
  AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_constraint co
      WHERE co.conindid = i.indexrelid
        AND co.conrelid = i.indrelid
        AND co.contype IN ('p', 'u', 'x'))
ORDER BY 1, 2
