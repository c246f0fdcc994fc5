-- The ACLs and owners of schemas, tables, views, sequences, columns, functions, types,
-- foreign data wrappers and servers:
-- a row per grant, carrying the object's owner. Only objects whose ACL column is set or
-- whose owner is not the role reading: a NULL ACL is the default (`acldefault`) and the
-- reading role the default owner, which the model leaves out. A schema whose ACL is still
-- the one initdb gave it counts as default too, and so does the owner initdb gave the
-- `public` schema (the bootstrap superuser, or `pg_database_owner` since PostgreSQL 15).
-- A schema whose ACL differs from its initial one also has that initial ACL's grants, marked
-- `initial`, for the loader to keep only what changed (initdb's differs between versions).
-- Objects the model does not hold (identity sequences…) are dropped by the loader.
WITH user_ns AS (
    SELECT n.oid, n.nspname::text AS nspname
    FROM pg_catalog.pg_namespace n
    WHERE n.nspname NOT LIKE 'pg\_%'
      AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
),
-- objects of extensions, and internal ones such as identity sequences (a partitioned table
-- depends internally on itself, which does not count)
ext AS (
    SELECT d.classid, d.objid
    FROM pg_catalog.pg_depend d
    WHERE d.deptype IN ('e', 'i')
      AND (d.classid, d.objid) <> (d.refclassid, d.refobjid)
),
objects AS (
    SELECT 'schema' AS kind, ns.nspname AS schema, ns.nspname AS name,
           NULL::text AS column_name, NULL::text AS arguments,
           CASE WHEN n.nspacl IS DISTINCT FROM ip.initprivs THEN n.nspacl END AS acl,
           n.nspowner AS owner,
           ip.initprivs
    FROM pg_catalog.pg_namespace n
    JOIN user_ns ns ON ns.oid = n.oid
    LEFT JOIN pg_catalog.pg_init_privs ip
        ON ip.classoid = 'pg_catalog.pg_namespace'::regclass
       AND ip.objoid = n.oid
       AND ip.objsubid = 0
    UNION ALL
    SELECT CASE c.relkind WHEN 'S' THEN 'sequence' ELSE 'table' END, ns.nspname,
           c.relname::text, NULL, NULL, c.relacl, c.relowner, NULL
    FROM pg_catalog.pg_class c
    JOIN user_ns ns ON ns.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND NOT EXISTS (
          SELECT FROM ext
          WHERE ext.classid = 'pg_catalog.pg_class'::regclass AND ext.objid = c.oid)
    UNION ALL
    SELECT 'column', ns.nspname, c.relname::text, a.attname::text, NULL, a.attacl, c.relowner,
           NULL
    FROM pg_catalog.pg_attribute a
    JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
    JOIN user_ns ns ON ns.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p')
      AND a.attnum > 0
      AND a.attacl IS NOT NULL
      AND NOT a.attisdropped
    UNION ALL
    -- the identity argument types, as the function loader's signatures spell them
    SELECT 'function', ns.nspname, p.proname::text, NULL,
           (SELECT coalesce(string_agg(pg_catalog.format_type(t.oid, NULL), ', '
                                       ORDER BY t.ord), '')
            FROM unnest(p.proargtypes) WITH ORDINALITY AS t(oid, ord)),
           p.proacl, p.proowner, NULL
    FROM pg_catalog.pg_proc p
    JOIN user_ns ns ON ns.oid = p.pronamespace
    WHERE p.prokind IN ('f', 'p', 'a')
      AND NOT EXISTS (
          SELECT FROM ext
          WHERE ext.classid = 'pg_catalog.pg_proc'::regclass AND ext.objid = p.oid)
    UNION ALL
    -- enums, domains, range types and composite types (not the row types of relations)
    SELECT 'type', ns.nspname, t.typname::text, NULL, NULL, t.typacl, t.typowner, NULL
    FROM pg_catalog.pg_type t
    JOIN user_ns ns ON ns.oid = t.typnamespace
    LEFT JOIN pg_catalog.pg_class rel ON rel.oid = t.typrelid
    WHERE (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND rel.relkind = 'c'))
      AND NOT EXISTS (
          SELECT FROM ext
          WHERE ext.classid = 'pg_catalog.pg_type'::regclass AND ext.objid = t.oid)
    UNION ALL
    -- in no schema; the loader keeps those the model holds (not an extension's)
    SELECT 'foreign data wrapper', '', w.fdwname::text, NULL, NULL, w.fdwacl, w.fdwowner, NULL
    FROM pg_catalog.pg_foreign_data_wrapper w
    UNION ALL
    SELECT 'server', '', s.srvname::text, NULL, NULL, s.srvacl, s.srvowner, NULL
    FROM pg_catalog.pg_foreign_server s
),
-- who owns each object, unless it is the reading role or the `public` schema's initial owner
owned AS (
    SELECT o.*,
           CASE WHEN o.owner <> (SELECT r.oid FROM pg_catalog.pg_roles r
                                 WHERE r.rolname = current_user)
                     AND NOT (o.kind = 'schema' AND o.name = 'public'
                              AND (o.owner = 10 OR pg_catalog.pg_get_userbyid(o.owner)
                                                   = 'pg_database_owner'))
                THEN pg_catalog.pg_get_userbyid(o.owner)::text END AS owner_name
    FROM objects o
)
SELECT o.kind,
       o.schema,
       o.name,
       o.column_name,
       o.arguments,
       CASE WHEN a.grantee = 0 THEN NULL ELSE pg_catalog.pg_get_userbyid(a.grantee)::text END
           AS grantee,
       a.grantee = o.owner AS is_owner,
       a.privilege_type AS privilege,
       a.is_grantable AS grantable,
       a.initial,
       o.acl IS NOT NULL AS has_acl,
       o.owner_name AS owner
FROM owned o
LEFT JOIN LATERAL (
    SELECT e.*, false AS initial FROM pg_catalog.aclexplode(o.acl) e
    UNION ALL
    SELECT e.*, true FROM pg_catalog.aclexplode(o.initprivs) e WHERE o.acl IS NOT NULL
) a ON true
WHERE o.acl IS NOT NULL OR o.owner_name IS NOT NULL
ORDER BY 1, 2, 3, 4, 5
