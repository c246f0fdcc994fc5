-- Text search dictionaries of user schemas, not an extension's, each as the CREATE statement
-- its parts make (dictinitoption is that statement's option list as the server keeps it,
-- without the template), with its comment and its owner unless it is the reading role.
SELECT n.nspname::text AS schema,
       d.dictname::text AS name,
       format('CREATE TEXT SEARCH DICTIONARY %I.%I (TEMPLATE = %I.%I%s)',
              n.nspname, d.dictname, tn.nspname, t.tmplname,
              coalesce(', ' || d.dictinitoption, '')) AS definition,
       obj_description(d.oid, 'pg_ts_dict') AS comment,
       CASE WHEN d.dictowner <> (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)
            THEN pg_catalog.pg_get_userbyid(d.dictowner)::text
       END AS owner
FROM pg_catalog.pg_ts_dict d
JOIN pg_catalog.pg_namespace n ON n.oid = d.dictnamespace
JOIN pg_catalog.pg_ts_template t ON t.oid = d.dicttemplate
JOIN pg_catalog.pg_namespace tn ON tn.oid = t.tmplnamespace
WHERE n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
  AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend e
      WHERE e.classid = 'pg_catalog.pg_ts_dict'::regclass
        AND e.objid = d.oid
        AND e.deptype = 'e')
ORDER BY 1, 2
