-- The subscriptions of the current database (pg_subscription is shared by the cluster),
-- with their comment and owner unless it is the reading role. The loader puts in the
-- connection (subconninfo, or NULL for a role that may not read it: only superusers may)
-- and the stored options this server has, as text, one column each.
SELECT s.subname::text AS name,
       {conninfo} AS conninfo,
       s.subpublications::text[] AS publications,
       s.subenabled AS enabled,
       s.subslotname::text AS slot_name,
       {options}
       pg_catalog.obj_description(s.oid, 'pg_subscription') AS comment,
       CASE WHEN s.subowner <> (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)
            THEN pg_catalog.pg_get_userbyid(s.subowner)::text
       END AS owner
FROM pg_catalog.pg_subscription s
WHERE s.subdbid = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = current_database())
ORDER BY 1
