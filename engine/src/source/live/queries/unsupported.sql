-- What the model does not cover yet, by kind and name, so that the summary can list it and
-- --strict can refuse it. Objects of extensions belong to the extension and are left out.
WITH user_ns AS (
    SELECT n.oid, n.nspname::text AS nspname
    FROM pg_catalog.pg_namespace n
    WHERE n.nspname NOT LIKE 'pg\_%'
      AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
),
ext AS (
    SELECT d.classid, d.objid
    FROM pg_catalog.pg_depend d
    WHERE d.deptype = 'e'
),
rel AS (
    SELECT c.*, ns.nspname
    FROM pg_catalog.pg_class c
    JOIN user_ns ns ON ns.oid = c.relnamespace
    WHERE NOT EXISTS (
        SELECT FROM ext
        WHERE ext.classid = 'pg_catalog.pg_class'::regclass AND ext.objid = c.oid)
)
-- window functions and ordered-set aggregates (plain functions, procedures and ordinary
-- aggregates are modelled); a range type's constructors are part of the type (an internal
-- dependency)
SELECT CASE p.prokind
           WHEN 'a' THEN 'ordered-set aggregate'
           ELSE 'window function'
       END AS kind,
       ns.nspname AS schema,
       p.proname::text AS name
FROM pg_catalog.pg_proc p
JOIN user_ns ns ON ns.oid = p.pronamespace
LEFT JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid
WHERE (p.prokind = 'w' OR (p.prokind = 'a' AND a.aggkind <> 'n'))
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_proc'::regclass
      AND d.objid = p.oid
      AND d.deptype IN ('e', 'i'))
UNION ALL
-- PostgreSQL 18 computes VIRTUAL generated columns on read; the model has STORED only
SELECT 'virtual generated column', c.nspname, c.relname::text || '.' || a.attname::text
FROM rel c
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
WHERE a.attnum > 0
  AND NOT a.attisdropped
  AND a.attgenerated = 'v'
UNION ALL
-- statistics on a foreign table (those on tables and materialized views are modelled)
SELECT 'statistics on a foreign table', ns.nspname, s.stxname::text
FROM pg_catalog.pg_statistic_ext s
JOIN user_ns ns ON ns.oid = s.stxnamespace
JOIN pg_catalog.pg_class c ON c.oid = s.stxrelid
WHERE c.relkind = 'f'
  AND NOT EXISTS (
    SELECT FROM ext
    WHERE ext.classid = 'pg_catalog.pg_statistic_ext'::regclass AND ext.objid = s.oid)
UNION ALL
-- text search parsers and templates (they need C functions; dictionaries and
-- configurations are modelled)
SELECT 'text search parser', ns.nspname, o.prsname::text
FROM pg_catalog.pg_ts_parser o
JOIN user_ns ns ON ns.oid = o.prsnamespace
WHERE NOT EXISTS (
    SELECT FROM ext WHERE ext.classid = 'pg_catalog.pg_ts_parser'::regclass AND ext.objid = o.oid)
UNION ALL
SELECT 'text search template', ns.nspname, o.tmplname::text
FROM pg_catalog.pg_ts_template o
JOIN user_ns ns ON ns.oid = o.tmplnamespace
WHERE NOT EXISTS (
    SELECT FROM ext WHERE ext.classid = 'pg_catalog.pg_ts_template'::regclass AND ext.objid = o.oid)
UNION ALL
-- left behind by a failed CREATE INDEX CONCURRENTLY: it exists but is not used
SELECT 'invalid index', c.nspname, ic.relname::text
FROM pg_catalog.pg_index i
JOIN rel c ON c.oid = i.indrelid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
WHERE NOT i.indisvalid
ORDER BY 1, 2, 3
