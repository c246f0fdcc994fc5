-- Standalone composite types (not the row type of a table or view) with their attributes in
-- order; an attribute's collation is reported only where it is not its type's own.
SELECT n.nspname::text AS schema,
       t.typname::text AS name,
       COALESCE(
           (SELECT json_agg(json_build_object(
                        'name', a.attname::text,
                        'type_name', format_type(a.atttypid, a.atttypmod),
                        'collation_schema',
                        CASE WHEN a.attcollation <> at.typcollation THEN coll_ns.nspname::text END,
                        'collation_name',
                        CASE WHEN a.attcollation <> at.typcollation THEN coll.collname::text END)
                    ORDER BY a.attnum)
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
            LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = a.attcollation
            LEFT JOIN pg_catalog.pg_namespace coll_ns ON coll_ns.oid = coll.collnamespace
            WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped),
           '[]')::text AS attributes,
       obj_description(t.oid, 'pg_type') AS comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
WHERE t.typtype = 'c'
  AND c.relkind = 'c'
  AND n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
  AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_type'::regclass
        AND d.objid = t.oid
        AND d.deptype = 'e')
ORDER BY 1, 2
