-- publications.sql for servers before PostgreSQL 15, which list whole tables only.
SELECT p.pubname::text AS name,
       p.puballtables AS all_tables,
       (SELECT string_agg(format('TABLE %I.%I', n.nspname, c.relname), ', ' ORDER BY n.nspname, c.relname)
        FROM pg_catalog.pg_publication_rel pr
        JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE pr.prpubid = p.oid) AS objects,
       concat_ws(', ',
           CASE WHEN p.pubinsert THEN 'insert' END,
           CASE WHEN p.pubupdate THEN 'update' END,
           CASE WHEN p.pubdelete THEN 'delete' END,
           CASE WHEN p.pubtruncate THEN 'truncate' END) AS publish,
       p.pubviaroot AS via_partition_root,
       pg_catalog.obj_description(p.oid, 'pg_publication') AS comment,
       CASE WHEN p.pubowner <> (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)
            THEN pg_catalog.pg_get_userbyid(p.pubowner)::text
       END AS owner
FROM pg_catalog.pg_publication p
ORDER BY 1
