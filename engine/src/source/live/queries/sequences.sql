-- Sequences, except those behind identity columns (deptype 'i': part of the column) and
-- those of extensions. `OWNED BY` is the automatic dependency on a table column.
SELECT n.nspname::text AS schema,
       c.relname::text AS name,
       format_type(s.seqtypid, NULL) AS data_type,
       s.seqstart AS start,
       s.seqincrement AS increment,
       s.seqmin AS min_value,
       s.seqmax AS max_value,
       s.seqcache AS cache,
       s.seqcycle AS cycle,
       owner_ns.nspname::text AS owner_schema,
       owner.relname::text AS owner_table,
       owner_column.attname::text AS owner_column,
       obj_description(c.oid, 'pg_class') AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
LEFT JOIN pg_catalog.pg_depend d
       ON d.classid = 'pg_catalog.pg_class'::regclass
      AND d.objid = c.oid
      AND d.refclassid = 'pg_catalog.pg_class'::regclass
      AND d.refobjsubid > 0
      AND d.deptype = 'a'
LEFT JOIN pg_catalog.pg_class owner ON owner.oid = d.refobjid
LEFT JOIN pg_catalog.pg_namespace owner_ns ON owner_ns.oid = owner.relnamespace
LEFT JOIN pg_catalog.pg_attribute owner_column
       ON owner_column.attrelid = d.refobjid
      AND owner_column.attnum = d.refobjsubid
WHERE c.relkind = 'S'
  AND n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
  AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend x
      WHERE x.classid = 'pg_catalog.pg_class'::regclass
        AND x.objid = c.oid
        AND x.deptype IN ('e', 'i'))
ORDER BY 1, 2
