-- Foreign servers with their wrapper, type, version, options, comment, and owner unless it
-- is the reading role; not those of extensions.
SELECT s.srvname::text AS name,
       w.fdwname::text AS wrapper,
       s.srvtype::text AS server_type,
       s.srvversion::text AS version,
       coalesce(s.srvoptions, '{}')::text[] AS options,
       obj_description(s.oid, 'pg_foreign_server') AS comment,
       CASE WHEN s.srvowner <> (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)
            THEN pg_catalog.pg_get_userbyid(s.srvowner)::text
       END AS owner
FROM pg_catalog.pg_foreign_server s
JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw
WHERE NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_foreign_server'::regclass
      AND d.objid = s.oid
      AND d.deptype = 'e')
ORDER BY 1
