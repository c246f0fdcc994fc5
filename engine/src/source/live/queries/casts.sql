-- User casts: not the built-in ones (below FirstNormalObjectId), nor an extension's, nor
-- those a type made with itself (a range type's cast to its multirange), with
-- their types as format_type prints them, their function's schema, name and argument types,
-- method, context and comment. A cast has no owner of its own.
SELECT pg_catalog.format_type(c.castsource, NULL) AS source,
       pg_catalog.format_type(c.casttarget, NULL) AS target,
       c.castmethod::text AS method,
       c.castcontext::text AS context,
       n.nspname::text AS function_schema,
       p.proname::text AS function_name,
       (SELECT coalesce(string_agg(pg_catalog.format_type(a.type, NULL), ', ' ORDER BY a.position), '')
        FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY AS a(type, position)) AS function_arguments,
       obj_description(c.oid, 'pg_cast') AS comment
FROM pg_catalog.pg_cast c
LEFT JOIN pg_catalog.pg_proc p ON p.oid = c.castfunc
LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE c.oid >= 16384
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_cast'::regclass
      AND d.objid = c.oid
      AND d.deptype IN ('e', 'i'))
ORDER BY 1, 2
