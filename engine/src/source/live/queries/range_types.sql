-- Range types with the options that differ from what the server chooses: a non-default
-- operator class, a collation other than the subtype's, the support functions. Names print
-- unqualified when `search_path = public` finds them, as the desired-state parser writes them.
SELECT n.nspname::text AS schema,
       t.typname::text AS name,
       format_type(r.rngsubtype, NULL) AS subtype,
       CASE WHEN NOT opc.opcdefault THEN
           CASE WHEN opc_ns.nspname IN ('pg_catalog', 'public') THEN quote_ident(opc.opcname)
                ELSE quote_ident(opc_ns.nspname) || '.' || quote_ident(opc.opcname) END
       END AS subtype_opclass,
       CASE WHEN r.rngcollation <> st.typcollation THEN coll_ns.nspname::text END
           AS collation_schema,
       CASE WHEN r.rngcollation <> st.typcollation THEN coll.collname::text END
           AS collation_name,
       CASE WHEN r.rngcanonical <> 0 THEN r.rngcanonical::text END AS canonical,
       CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::text END AS subtype_diff,
       -- read through the row's JSON: PostgreSQL 13 has no multirange types (NULL there)
       format_type((to_jsonb(r) ->> 'rngmultitypid')::oid, NULL) AS multirange_type_name,
       obj_description(t.oid, 'pg_type') AS comment
FROM pg_catalog.pg_range r
JOIN pg_catalog.pg_type t ON t.oid = r.rngtypid
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype
JOIN pg_catalog.pg_opclass opc ON opc.oid = r.rngsubopc
JOIN pg_catalog.pg_namespace opc_ns ON opc_ns.oid = opc.opcnamespace
LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = r.rngcollation
LEFT JOIN pg_catalog.pg_namespace coll_ns ON coll_ns.oid = coll.collnamespace
WHERE n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
  AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_type'::regclass
        AND d.objid = t.oid
        AND d.deptype = 'e')
ORDER BY 1, 2
