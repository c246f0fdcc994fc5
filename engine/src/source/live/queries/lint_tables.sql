-- Each user table's row estimate and its columns' types, for lint: one row per column.
-- `reltuples` is -1 until the table is first vacuumed or analysed; a table with no pages
-- is empty all the same.
SELECT n.nspname::text AS schema,
       c.relname::text AS name,
       CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint
            WHEN pg_catalog.pg_relation_size(c.oid) = 0 THEN 0 END AS rows,
       a.attname::text AS column,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
ORDER BY 1, 2, a.attnum
