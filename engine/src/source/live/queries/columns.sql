-- The columns of ordinary and partitioned tables in attnum order (`inherited`: taken
-- from a parent only, not declared by the table); the loader keeps those of the tables
-- tables.sql returned. The collation and the storage are reported only where they are not
-- the type's own; an identity column's options are those of the sequence that depends on
-- it internally.
SELECT a.attrelid AS table_oid,
       a.attname::text AS name,
       format_type(a.atttypid, a.atttypmod) AS type_name,
       CASE WHEN a.attcollation <> t.typcollation THEN coll_ns.nspname::text END
           AS collation_schema,
       CASE WHEN a.attcollation <> t.typcollation THEN coll.collname::text END
           AS collation_name,
       pg_get_expr(ad.adbin, ad.adrelid) AS expression,
       a.attgenerated::text AS generated,
       CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage::text END AS storage,
       -- `a.attcompression`, but PostgreSQL 13 has no such column
       {compression} AS compression,
       a.attnotnull AS not_null,
       a.attidentity::text AS identity,
       format_type(s.seqtypid, NULL) AS seq_data_type,
       s.seqstart AS seq_start,
       s.seqincrement AS seq_increment,
       s.seqmin AS seq_min_value,
       s.seqmax AS seq_max_value,
       s.seqcache AS seq_cache,
       s.seqcycle AS seq_cycle,
       ds.description AS comment,
       NOT a.attislocal AS inherited
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_description ds
       ON ds.objoid = a.attrelid AND ds.classoid = 'pg_catalog.pg_class'::regclass
      AND ds.objsubid = a.attnum
LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = a.attcollation
LEFT JOIN pg_catalog.pg_namespace coll_ns ON coll_ns.oid = coll.collnamespace
LEFT JOIN (pg_catalog.pg_depend d
           JOIN pg_catalog.pg_sequence s ON s.seqrelid = d.objid)
       ON a.attidentity <> ''
      AND d.classid = 'pg_catalog.pg_class'::regclass
      AND d.refclassid = 'pg_catalog.pg_class'::regclass
      AND d.refobjid = a.attrelid
      AND d.refobjsubid = a.attnum
      AND d.deptype = 'i'
WHERE c.relkind IN ('r', 'p')
  AND a.attnum > 0
  AND NOT a.attisdropped
  AND n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
ORDER BY a.attrelid, a.attnum
