-- Foreign tables with their server, options and comment, and their columns (name, type as
-- format_type prints it, NOT NULL, options) in order as JSON; not those of extensions.
SELECT n.nspname::text AS schema,
       c.relname::text AS name,
       s.srvname::text AS server,
       coalesce(ft.ftoptions, '{}')::text[] AS options,
       obj_description(c.oid, 'pg_class') AS comment,
       coalesce((
           SELECT json_agg(json_build_object(
                      'name', a.attname::text,
                      'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
                      'not_null', a.attnotnull,
                      'options', coalesce(a.attfdwoptions, '{}')::text[])
                  ORDER BY a.attnum)
           FROM pg_catalog.pg_attribute a
           WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       ), '[]')::text AS columns
FROM pg_catalog.pg_foreign_table ft
JOIN pg_catalog.pg_class c ON c.oid = ft.ftrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_foreign_server s ON s.oid = ft.ftserver
WHERE n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_class'::regclass
      AND d.objid = c.oid
      AND d.deptype = 'e')
ORDER BY 1, 2
