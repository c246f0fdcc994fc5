-- Domains with their CHECK constraints as pg_get_constraintdef prints them. NOT NULL is
-- typnotnull (PostgreSQL 17 also lists it as a constraint, left out here); the collation is
-- reported only where it is not the base type's own.
SELECT n.nspname::text AS schema,
       t.typname::text AS name,
       format_type(t.typbasetype, t.typtypmod) AS base_type,
       CASE WHEN t.typcollation <> bt.typcollation THEN coll_ns.nspname::text END
           AS collation_schema,
       CASE WHEN t.typcollation <> bt.typcollation THEN coll.collname::text END
           AS collation_name,
       t.typdefault AS default_expression,
       t.typnotnull AS not_null,
       COALESCE(
           (SELECT json_agg(json_build_object('name', c.conname::text,
                                              'definition', pg_get_constraintdef(c.oid))
                            ORDER BY c.conname)
            FROM pg_catalog.pg_constraint c
            WHERE c.contypid = t.oid AND c.contype = 'c'),
           '[]')::text AS constraints,
       obj_description(t.oid, 'pg_type') AS comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = t.typcollation
LEFT JOIN pg_catalog.pg_namespace coll_ns ON coll_ns.oid = coll.collnamespace
WHERE t.typtype = 'd'
  AND n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
  AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_type'::regclass
        AND d.objid = t.oid
        AND d.deptype = 'e')
ORDER BY 1, 2
