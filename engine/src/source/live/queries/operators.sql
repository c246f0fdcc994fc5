-- Operators of user schemas, not an extension's nor shells (a commutator or negator named
-- before its creation, which the server makes as a placeholder without a function), with
-- their operand types as format_type prints them, the functions they call and estimate with,
-- the operators they link to, their comment and their owner unless it is the reading role.
SELECT n.nspname::text AS schema,
       o.oprname::text AS name,
       CASE WHEN o.oprleft <> 0 THEN pg_catalog.format_type(o.oprleft, NULL) END AS left_type,
       pg_catalog.format_type(o.oprright, NULL) AS right_type,
       fn.nspname::text AS function_schema,
       f.proname::text AS function_name,
       cn.nspname::text AS commutator_schema,
       c.oprname::text AS commutator_name,
       gn.nspname::text AS negator_schema,
       g.oprname::text AS negator_name,
       rn.nspname::text AS restrict_schema,
       r.proname::text AS restrict_name,
       jn.nspname::text AS join_schema,
       j.proname::text AS join_name,
       o.oprcanhash AS hashes,
       o.oprcanmerge AS merges,
       obj_description(o.oid, 'pg_operator') AS comment,
       CASE WHEN o.oprowner <> (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)
            THEN pg_catalog.pg_get_userbyid(o.oprowner)::text
       END AS owner
FROM pg_catalog.pg_operator o
JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
JOIN pg_catalog.pg_proc f ON f.oid = o.oprcode
JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
LEFT JOIN pg_catalog.pg_operator c ON c.oid = o.oprcom
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = c.oprnamespace
LEFT JOIN pg_catalog.pg_operator g ON g.oid = o.oprnegate
LEFT JOIN pg_catalog.pg_namespace gn ON gn.oid = g.oprnamespace
LEFT JOIN pg_catalog.pg_proc r ON r.oid = o.oprrest
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = r.pronamespace
LEFT JOIN pg_catalog.pg_proc j ON j.oid = o.oprjoin
LEFT JOIN pg_catalog.pg_namespace jn ON jn.oid = j.pronamespace
WHERE n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
  AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend e
      WHERE e.classid = 'pg_catalog.pg_operator'::regclass
        AND e.objid = o.oid
        AND e.deptype = 'e')
ORDER BY 1, 2, 3, 4
