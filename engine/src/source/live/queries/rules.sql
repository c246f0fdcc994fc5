-- Rewrite rules with the definition the server prints, their enabled state and comment.
-- The `_RETURN` rule of a view or materialized view is the view itself. The loader keeps
-- those on the tables and views it modelled.
SELECT n.nspname::text AS schema,
       c.relname::text AS relation,
       r.rulename::text AS name,
       pg_catalog.pg_get_ruledef(r.oid) AS definition,
       r.ev_enabled::text AS enabled,
       obj_description(r.oid, 'pg_rewrite') AS comment
FROM pg_catalog.pg_rewrite r
JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE r.rulename <> '_RETURN'
  AND n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
ORDER BY 1, 2, 3
