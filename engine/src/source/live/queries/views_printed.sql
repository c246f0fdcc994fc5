-- The views and materialized views listed in $1 (by views.sql), in that order: the query the
-- server prints, their options, whether a materialized view is populated, comment and the
-- comments on their columns.
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
FROM unnest($1::oid[]) WITH ORDINALITY AS listed(oid, position)
JOIN pg_catalog.pg_class c ON c.oid = listed.oid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
ORDER BY listed.position
