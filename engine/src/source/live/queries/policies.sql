-- Row-level security policies, with their expressions as the server prints them and their
-- roles by name (`public` for PUBLIC, stored as role 0). The loader keeps those on the
-- tables it modelled.
SELECT n.nspname::text AS schema,
       c.relname::text AS relation,
       p.polname::text AS name,
       p.polpermissive AS permissive,
       CASE p.polcmd
           WHEN 'r' THEN 'SELECT'
           WHEN 'a' THEN 'INSERT'
           WHEN 'w' THEN 'UPDATE'
           WHEN 'd' THEN 'DELETE'
           ELSE 'ALL'
       END AS command,
       ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE a.rolname::text END
             FROM unnest(p.polroles) AS r(oid)
             LEFT JOIN pg_catalog.pg_roles a ON a.oid = r.oid
             ORDER BY 1) AS roles,
       pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using_expr,
       pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr,
       ds.description AS comment
FROM pg_catalog.pg_policy p
JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description ds
       ON ds.objoid = p.oid AND ds.classoid = 'pg_catalog.pg_policy'::regclass
      AND ds.objsubid = 0
WHERE n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
ORDER BY 1, 2, 3
