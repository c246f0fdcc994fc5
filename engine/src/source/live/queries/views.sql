-- Views and materialized views with the query the server prints, their options, whether a
-- materialized view is populated, comment and the comments on their columns.
SELECT n.nspname::text AS schema,
       c.relname::text AS name,
       c.relkind = 'm' AS materialized,
       NOT c.relispopulated AS no_data,
       pg_catalog.pg_get_viewdef(c.oid) AS query,
       COALESCE(c.reloptions::text[], '{}') AS options,
       obj_description(c.oid, 'pg_class') AS comment,
       ARRAY(SELECT a.attname::text
             FROM pg_catalog.pg_attribute a
             JOIN pg_catalog.pg_description d
               ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass
              AND d.objsubid = a.attnum
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum) AS commented_columns,
       ARRAY(SELECT d.description
             FROM pg_catalog.pg_attribute a
             JOIN pg_catalog.pg_description d
               ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass
              AND d.objsubid = a.attnum
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum) AS column_comments
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm')
  AND n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
  AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_class'::regclass
        AND d.objid = c.oid
        AND d.deptype = 'e')
ORDER BY 1, 2
