-- Operator classes of user schemas, not an extension's, with their type, family, storage
-- type (where not the indexed one) and members (those that depend on the class) as JSON, in
-- the shapes of operator_families.sql; their comment and their owner unless it is the
-- reading role.
SELECT n.nspname::text AS schema,
       c.opcname::text AS name,
       am.amname::text AS method,
       pg_catalog.format_type(c.opcintype, NULL) AS data_type,
       c.opcdefault AS is_default,
       fn.nspname::text AS family_schema,
       f.opfname::text AS family_name,
       CASE WHEN c.opckeytype <> 0 THEN pg_catalog.format_type(c.opckeytype, NULL) END AS storage,
       (SELECT coalesce(json_agg(json_build_array(
                    a.amopstrategy, opn.nspname, op.oprname,
                    pg_catalog.format_type(a.amoplefttype, NULL),
                    pg_catalog.format_type(a.amoprighttype, NULL),
                    sfn.nspname, sf.opfname)
                ORDER BY a.amopstrategy, a.amoplefttype, a.amoprighttype), '[]')
        FROM pg_catalog.pg_amop a
        JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_amop'::regclass
                                   AND d.objid = a.oid
                                   AND d.refclassid = 'pg_catalog.pg_opclass'::regclass
                                   AND d.refobjid = c.oid
        JOIN pg_catalog.pg_operator op ON op.oid = a.amopopr
        JOIN pg_catalog.pg_namespace opn ON opn.oid = op.oprnamespace
        LEFT JOIN pg_catalog.pg_opfamily sf ON sf.oid = a.amopsortfamily
        LEFT JOIN pg_catalog.pg_namespace sfn ON sfn.oid = sf.opfnamespace)::text AS operators,
       (SELECT coalesce(json_agg(json_build_array(
                    p.amprocnum,
                    pg_catalog.format_type(p.amproclefttype, NULL),
                    pg_catalog.format_type(p.amprocrighttype, NULL),
                    prn.nspname, pr.proname,
                    (SELECT coalesce(string_agg(pg_catalog.format_type(t.type, NULL), ', ' ORDER BY t.position), '')
                     FROM unnest(pr.proargtypes::oid[]) WITH ORDINALITY AS t(type, position)))
                ORDER BY p.amprocnum, p.amproclefttype, p.amprocrighttype), '[]')
        FROM pg_catalog.pg_amproc p
        JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_amproc'::regclass
                                   AND d.objid = p.oid
                                   AND d.refclassid = 'pg_catalog.pg_opclass'::regclass
                                   AND d.refobjid = c.oid
        JOIN pg_catalog.pg_proc pr ON pr.oid = p.amproc
        JOIN pg_catalog.pg_namespace prn ON prn.oid = pr.pronamespace)::text AS functions,
       obj_description(c.oid, 'pg_opclass') AS comment,
       CASE WHEN c.opcowner <> (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)
            THEN pg_catalog.pg_get_userbyid(c.opcowner)::text
       END AS owner
FROM pg_catalog.pg_opclass c
JOIN pg_catalog.pg_namespace n ON n.oid = c.opcnamespace
JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod
JOIN pg_catalog.pg_opfamily f ON f.oid = c.opcfamily
JOIN pg_catalog.pg_namespace fn ON fn.oid = f.opfnamespace
WHERE n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
  AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend e
      WHERE e.classid = 'pg_catalog.pg_opclass'::regclass
        AND e.objid = c.oid
        AND e.deptype = 'e')
ORDER BY 1, 2, 3
