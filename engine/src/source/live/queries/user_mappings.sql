-- User mappings: for PUBLIC (umuser 0), the reading role, or a named role. pg_user_mappings
-- shows the options (a password among them) only to a superuser, the mapped role or the
-- server's owner; they read as empty otherwise.
SELECT m.srvname::text AS server,
       CASE WHEN m.umuser = 0 THEN 'public'
            WHEN m.usename = current_user THEN 'current'
            ELSE 'role'
       END AS kind,
       m.usename::text AS role,
       coalesce(m.umoptions, '{}')::text[] AS options
FROM pg_catalog.pg_user_mappings m
ORDER BY 1, 3
