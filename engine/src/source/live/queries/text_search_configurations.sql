-- Text search configurations of user schemas, not an extension's, with their parser, their
-- mappings as JSON (token types named as the parser's ts_token_type names them, each with
-- its dictionaries in order), their comment and their owner unless it is the reading role.
SELECT n.nspname::text AS schema,
       c.cfgname::text AS name,
       pn.nspname::text AS parser_schema,
       p.prsname::text AS parser_name,
       (SELECT coalesce(json_agg(json_build_array(t.alias, m.dictionaries) ORDER BY t.alias), '[]')
        FROM (SELECT cm.maptokentype,
                     json_agg(json_build_array(dn.nspname, d.dictname) ORDER BY cm.mapseqno)
                         AS dictionaries
              FROM pg_catalog.pg_ts_config_map cm
              JOIN pg_catalog.pg_ts_dict d ON d.oid = cm.mapdict
              JOIN pg_catalog.pg_namespace dn ON dn.oid = d.dictnamespace
              WHERE cm.mapcfg = c.oid
              GROUP BY cm.maptokentype) m
        JOIN pg_catalog.ts_token_type(c.cfgparser) t ON t.tokid = m.maptokentype)::text
           AS mappings,
       obj_description(c.oid, 'pg_ts_config') AS comment,
       CASE WHEN c.cfgowner <> (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)
            THEN pg_catalog.pg_get_userbyid(c.cfgowner)::text
       END AS owner
FROM pg_catalog.pg_ts_config c
JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace
JOIN pg_catalog.pg_ts_parser p ON p.oid = c.cfgparser
JOIN pg_catalog.pg_namespace pn ON pn.oid = p.prsnamespace
WHERE n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
  AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend e
      WHERE e.classid = 'pg_catalog.pg_ts_config'::regclass
        AND e.objid = c.oid
        AND e.deptype = 'e')
ORDER BY 1, 2
