-- Operator families of user schemas, not an extension's, with the members that belong to no
-- class of theirs (those ALTER OPERATOR FAMILY … ADD gave them) as JSON: operators as
-- [strategy, schema, name, left type, right type, sort family schema, sort family name],
-- functions as [support number, left type, right type, schema, name, argument types]; their
-- comment and their owner unless it is the reading role.
SELECT n.nspname::text AS schema,
       f.opfname::text AS name,
       am.amname::text AS method,
       (SELECT coalesce(json_agg(json_build_array(
                    a.amopstrategy, opn.nspname, op.oprname,
                    pg_catalog.format_type(a.amoplefttype, NULL),
                    pg_catalog.format_type(a.amoprighttype, NULL),
                    sfn.nspname, sf.opfname)
                ORDER BY a.amopstrategy, a.amoplefttype, a.amoprighttype), '[]')
        FROM pg_catalog.pg_amop a
        JOIN pg_catalog.pg_operator op ON op.oid = a.amopopr
        JOIN pg_catalog.pg_namespace opn ON opn.oid = op.oprnamespace
        LEFT JOIN pg_catalog.pg_opfamily sf ON sf.oid = a.amopsortfamily
        LEFT JOIN pg_catalog.pg_namespace sfn ON sfn.oid = sf.opfnamespace
        WHERE a.amopfamily = f.oid
          AND NOT EXISTS (
              SELECT FROM pg_catalog.pg_depend d
              WHERE d.classid = 'pg_catalog.pg_amop'::regclass
                AND d.objid = a.oid
                AND d.refclassid = 'pg_catalog.pg_opclass'::regclass))::text AS operators,
       (SELECT coalesce(json_agg(json_build_array(
                    p.amprocnum,
                    pg_catalog.format_type(p.amproclefttype, NULL),
                    pg_catalog.format_type(p.amprocrighttype, NULL),
                    prn.nspname, pr.proname,
                    (SELECT coalesce(string_agg(pg_catalog.format_type(t.type, NULL), ', ' ORDER BY t.position), '')
                     FROM unnest(pr.proargtypes::oid[]) WITH ORDINALITY AS t(type, position)))
                ORDER BY p.amprocnum, p.amproclefttype, p.amprocrighttype), '[]')
        FROM pg_catalog.pg_amproc p
        JOIN pg_catalog.pg_proc pr ON pr.oid = p.amproc
        JOIN pg_catalog.pg_namespace prn ON prn.oid = pr.pronamespace
        WHERE p.amprocfamily = f.oid
          AND NOT EXISTS (
              SELECT FROM pg_catalog.pg_depend d
              WHERE d.classid = 'pg_catalog.pg_amproc'::regclass
                AND d.objid = p.oid
                AND d.refclassid = 'pg_catalog.pg_opclass'::regclass))::text AS functions,
       obj_description(f.oid, 'pg_opfamily') AS comment,
       CASE WHEN f.opfowner <> (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)
            THEN pg_catalog.pg_get_userbyid(f.opfowner)::text
       END AS owner
FROM pg_catalog.pg_opfamily f
JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
WHERE n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
  AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend e
      WHERE e.classid = 'pg_catalog.pg_opfamily'::regclass
        AND e.objid = f.oid
        AND e.deptype = 'e')
ORDER BY 1, 2, 3
