-- Publications, each with what it lists spelled as `CREATE PUBLICATION … FOR` takes it
-- (tables with their column lists and row filters as the server prints them, then schemas),
-- so that the loader builds the statement a file would hold and one normaliser reads both.
-- The objects column is spliced in: publication_objects.sql (tables with their column lists
-- and row filters, then schemas), or before PostgreSQL 15, which has none of these,
-- publication_objects_pg14.sql (whole tables).
SELECT p.pubname::text AS name,
       p.puballtables AS all_tables,
       {objects} AS objects,
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
