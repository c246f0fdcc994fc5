-- Event triggers with their function, tags, enabled state, comment, and owner unless it is
-- the reading role. Those an extension created belong to the extension.
SELECT e.evtname::text AS name,
       e.evtevent::text AS event,
       coalesce(e.evttags::text[], '{}') AS tags,
       n.nspname::text AS function_schema,
       p.proname::text AS function_name,
       e.evtenabled::text AS enabled,
       obj_description(e.oid, 'pg_event_trigger') AS comment,
       CASE WHEN e.evtowner <> (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)
            THEN pg_catalog.pg_get_userbyid(e.evtowner)::text
       END AS owner
FROM pg_catalog.pg_event_trigger e
JOIN pg_catalog.pg_proc p ON p.oid = e.evtfoid
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_event_trigger'::regclass
      AND d.objid = e.oid
      AND d.deptype = 'e')
ORDER BY 1
