-- What the model does not cover yet, by kind and name, so that the summary can list it and
-- --strict can refuse it. Objects of extensions belong to the extension and are left out.
WITH user_ns AS (
    SELECT n.oid, n.nspname::text AS nspname
    FROM pg_catalog.pg_namespace n
    WHERE n.nspname NOT LIKE 'pg\_%'
      AND n.nspname NOT IN ('information_schema', 'schemadiff_archive')
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
-- relations other than plain tables and views; partitions and inheritance children
SELECT CASE
           WHEN c.relkind = 'm' THEN 'materialized view'
           WHEN c.relkind = 'p' THEN 'partitioned table'
           WHEN c.relkind = 'f' THEN 'foreign table'
           WHEN c.relispartition THEN 'partition'
           ELSE 'inherited table'
       END AS kind,
       c.nspname AS schema,
       c.relname::text AS name
FROM rel c
WHERE c.relkind IN ('m', 'p', 'f')
   OR (c.relkind = 'r'
       AND (c.relispartition
            OR EXISTS (SELECT FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid)))
UNION ALL
SELECT 'row level security', c.nspname, c.relname::text
FROM rel c
WHERE c.relrowsecurity OR c.relforcerowsecurity
UNION ALL
-- aggregates and window functions (plain functions and procedures are modelled); a range
-- type's constructors are part of the type (an internal dependency)
SELECT CASE p.prokind
           WHEN 'a' THEN 'aggregate'
           ELSE 'window function'
       END,
       ns.nspname,
       p.proname::text
FROM pg_catalog.pg_proc p
JOIN user_ns ns ON ns.oid = p.pronamespace
WHERE p.prokind IN ('a', 'w')
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_proc'::regclass
      AND d.objid = p.oid
      AND d.deptype IN ('e', 'i'))
UNION ALL
-- user triggers; internal ones implement foreign keys, and those cloned onto partitions
-- come with their parent's
SELECT 'trigger', c.nspname, t.tgname::text
FROM pg_catalog.pg_trigger t
JOIN rel c ON c.oid = t.tgrelid
WHERE NOT t.tgisinternal AND t.tgparentid = 0
UNION ALL
SELECT 'policy', c.nspname, p.polname::text
FROM pg_catalog.pg_policy p
JOIN rel c ON c.oid = p.polrelid
UNION ALL
-- rules other than the `_RETURN` rule that makes a view
SELECT 'rule', c.nspname, r.rulename::text
FROM pg_catalog.pg_rewrite r
JOIN rel c ON c.oid = r.ev_class
WHERE r.rulename <> '_RETURN'
UNION ALL
-- domains, standalone composite types (not a table's row type), range types
SELECT CASE t.typtype
           WHEN 'd' THEN 'domain'
           WHEN 'r' THEN 'range type'
           ELSE 'composite type'
       END,
       ns.nspname,
       t.typname::text
FROM pg_catalog.pg_type t
JOIN user_ns ns ON ns.oid = t.typnamespace
WHERE (t.typtype IN ('d', 'r')
       OR (t.typtype = 'c'
           AND (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c'))
  AND NOT EXISTS (
      SELECT FROM ext
      WHERE ext.classid = 'pg_catalog.pg_type'::regclass AND ext.objid = t.oid)
UNION ALL
SELECT 'collation', ns.nspname, co.collname::text
FROM pg_catalog.pg_collation co
JOIN user_ns ns ON ns.oid = co.collnamespace
WHERE NOT EXISTS (
    SELECT FROM ext
    WHERE ext.classid = 'pg_catalog.pg_collation'::regclass AND ext.objid = co.oid)
UNION ALL
SELECT 'event trigger', NULL, e.evtname::text
FROM pg_catalog.pg_event_trigger e
WHERE NOT EXISTS (
    SELECT FROM ext
    WHERE ext.classid = 'pg_catalog.pg_event_trigger'::regclass AND ext.objid = e.oid)
UNION ALL
SELECT 'publication', NULL, p.pubname::text
FROM pg_catalog.pg_publication p
UNION ALL
-- PostgreSQL 18 computes VIRTUAL generated columns on read; the model has STORED only
SELECT 'virtual generated column', c.nspname, c.relname::text || '.' || a.attname::text
FROM rel c
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
WHERE a.attnum > 0
  AND NOT a.attisdropped
  AND a.attgenerated = 'v'
UNION ALL
-- left behind by a failed CREATE INDEX CONCURRENTLY: it exists but is not used
SELECT 'invalid index', c.nspname, ic.relname::text
FROM pg_catalog.pg_index i
JOIN rel c ON c.oid = i.indrelid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
WHERE NOT i.indisvalid
ORDER BY 1, 2, 3
