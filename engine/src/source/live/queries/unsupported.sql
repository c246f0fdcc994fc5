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
-- relations other than tables, views and materialized views
SELECT 'foreign table' AS kind,
       c.nspname AS schema,
       c.relname::text AS name
FROM rel c
WHERE c.relkind = 'f'
UNION ALL
-- window functions and ordered-set aggregates (plain functions, procedures and ordinary
-- aggregates are modelled); a range type's constructors are part of the type (an internal
-- dependency)
SELECT CASE p.prokind
           WHEN 'a' THEN 'ordered-set aggregate'
           ELSE 'window function'
       END,
       ns.nspname,
       p.proname::text
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
-- rules other than the `_RETURN` rule that makes a view
SELECT 'rule', c.nspname, r.rulename::text
FROM pg_catalog.pg_rewrite r
JOIN rel c ON c.oid = r.ev_class
WHERE r.rulename <> '_RETURN'
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
-- privileges that differ from what the owner gets by default
SELECT 'privilege', c.nspname, c.relname::text
FROM rel c
WHERE c.relkind IN ('r', 'p', 'S')
  AND c.relacl IS NOT NULL
  AND c.relacl <> acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char",
                             c.relowner)
UNION ALL
SELECT 'privilege', c.nspname, c.relname::text || '.' || a.attname::text
FROM rel c
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
WHERE c.relkind IN ('r', 'p')
  AND a.attnum > 0
  AND NOT a.attisdropped
  AND a.attacl IS NOT NULL
  AND a.attacl <> '{}'
UNION ALL
-- a schema's privileges are non-default when they are neither the owner's default nor
-- what initdb gave it (the `public` schema's grants to PUBLIC)
SELECT 'privilege', ns.nspname, ns.nspname
FROM user_ns ns
JOIN pg_catalog.pg_namespace n ON n.oid = ns.oid
WHERE n.nspacl IS NOT NULL
  AND n.nspacl <> acldefault('n', n.nspowner)
  AND n.nspacl IS DISTINCT FROM (
      SELECT ip.initprivs
      FROM pg_catalog.pg_init_privs ip
      WHERE ip.classoid = 'pg_catalog.pg_namespace'::regclass
        AND ip.objoid = n.oid
        AND ip.objsubid = 0)
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
