-- Foreign data wrappers with their handler, validator, options, comment, and owner unless it
-- is the reading role. Those an extension created (postgres_fdw, file_fdw) belong to it.
SELECT w.fdwname::text AS name,
       hn.nspname::text AS handler_schema,
       h.proname::text AS handler_name,
       vn.nspname::text AS validator_schema,
       v.proname::text AS validator_name,
       coalesce(w.fdwoptions, '{}')::text[] AS options,
       obj_description(w.oid, 'pg_foreign_data_wrapper') AS comment,
       CASE WHEN w.fdwowner <> (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)
            THEN pg_catalog.pg_get_userbyid(w.fdwowner)::text
       END AS owner
FROM pg_catalog.pg_foreign_data_wrapper w
LEFT JOIN pg_catalog.pg_proc h ON h.oid = w.fdwhandler
LEFT JOIN pg_catalog.pg_namespace hn ON hn.oid = h.pronamespace
LEFT JOIN pg_catalog.pg_proc v ON v.oid = w.fdwvalidator
LEFT JOIN pg_catalog.pg_namespace vn ON vn.oid = v.pronamespace
WHERE NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_foreign_data_wrapper'::regclass
      AND d.objid = w.oid
      AND d.deptype = 'e')
ORDER BY 1
